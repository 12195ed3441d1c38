package io.tradeledger.api;

import static io.tradeledger.api.TestApi.MAPPER;
import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tradeledger.api.ledger.LedgerRejection;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shipments over HTTP: bookings, single and batched events, and the listing's page size. Every test
 * runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ShipmentResourceTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void a_booking_carries_its_line_quantities_and_an_event_its_container_state() throws Exception {
    String booking =
        "{\"shipmentId\":\"s-1\",\"orderId\":\"o-1\",\"carrierMsp\":\"CarrierMSP\","
            + "\"mode\":\"SEA\",\"transportDocumentNumber\":\"MAEU123456789\","
            + "\"containers\":[\"CSQU3054383\"],\"portOfLoading\":\"CNYTN\","
            + "\"portOfDischarge\":\"SEGOT\",\"plannedDeparture\":\"2026-04-01\","
            + "\"plannedArrival\":\"2026-05-10\",\"lines\":[{\"line\":1,\"quantity\":300}]}";
    String gatedOut =
        "{\"eventId\":\"00000000-0000-4000-8000-000000000001\",\"eventType\":\"EQUIPMENT\","
            + "\"eventCode\":\"GATED_OUT\",\"eventClassifier\":\"ACTUAL\",\"location\":\"SEGOT\","
            + "\"eventDateTime\":\"2026-05-10T10:00:00Z\",\"equipmentReference\":\"CSQU3054383\","
            + "\"emptyIndicatorCode\":\"LADEN\"}";

    assertThat(api.request("/shipments", WRITER).post(Entity.json(booking)).getStatus())
        .isEqualTo(201);
    JsonNode booked = MAPPER.readTree(ledger.last().call().arguments().get(0));
    assertThat(api.request("/shipments/s-1/events", WRITER).post(Entity.json(gatedOut)).getStatus())
        .isEqualTo(201);
    JsonNode event = MAPPER.readTree(ledger.last().call().arguments().get(0));
    Response unknownState =
        api.request("/shipments/s-1/events", WRITER)
            .post(Entity.json(gatedOut.replace("LADEN", "FULL")));

    assertThat(booked.path("lines").toString()).isEqualTo("[{\"line\":1,\"quantity\":300}]");
    assertThat(event.path("emptyIndicatorCode").asText()).isEqualTo("LADEN");
    assertThat(unknownState.getStatus()).isEqualTo(400);
  }

  @Test
  void a_batch_of_events_is_one_transaction_naming_the_shipment() throws Exception {
    String event =
        "{\"eventId\":\"00000000-0000-4000-8000-000000000001\",\"eventType\":\"TRANSPORT\","
            + "\"eventCode\":\"DEPARTED\",\"eventClassifier\":\"ACTUAL\",\"location\":\"CNYTN\","
            + "\"eventDateTime\":\"2026-04-01T10:00:00Z\"}";

    Response response =
        api.request("/shipments/s-1/events/batch", WRITER)
            .post(
                Entity.json("{\"events\":[" + event + "," + event.replace("0001", "0002") + "]}"));

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(ledger.calls).hasSize(1);
    JsonNode batch = MAPPER.readTree(ledger.last().call().arguments().get(0));
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("shipments:RecordShipmentEvents");
    assertThat(batch.path("shipmentId").asText()).isEqualTo("s-1");
    assertThat(batch.path("events")).hasSize(2);
    assertThat(batch.path("events").get(1).path("shipmentId").asText()).isEqualTo("s-1");
  }

  @Test
  void the_contract_judges_the_page_size() throws Exception {
    ledger.fail(new LedgerRejection("INVALID_INPUT", "pageSize must be 1 to 100", null, null));

    Response response =
        api.target()
            .path("/shipments")
            .queryParam("pageSize", "many")
            .request()
            .header("Authorization", READER)
            .get();

    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(api.problem(response).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("shipments:ListShipments");
    assertThat(ledger.last().call().arguments()).containsExactly("many", "");
  }
}
