package io.tradeledger.api;

import static io.tradeledger.api.TestApi.MAPPER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Insurance over HTTP: a policy for an inland waterway shipment, naming its beneficiaries. Every
 * test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InsuranceResourceTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void an_inland_waterway_booking_and_a_policy_naming_its_beneficiaries_reach_the_contract()
      throws Exception {
    ledger.answer("{\"shipmentId\":\"s-1\"}");
    Response booked =
        api.request("/shipments", WRITER)
            .post(
                Entity.json(
                    "{\"shipmentId\":\"s-1\",\"orderId\":\"o-1\",\"carrierMsp\":\"CarrierMSP\","
                        + "\"mode\":\"INLAND_WATERWAY\",\"transportDocumentNumber\":\"B-1\","
                        + "\"portOfLoading\":\"DEDUI\",\"portOfDischarge\":\"NLRTM\","
                        + "\"plannedDeparture\":\"2026-04-01\",\"plannedArrival\":\"2026-04-03\","
                        + "\"lines\":[{\"line\":1,\"quantity\":500}]}"));
    assertThat(booked.getStatus()).isEqualTo(201);
    assertThat(ledger.last().call().arguments().get(0)).contains("\"mode\":\"INLAND_WATERWAY\"");

    ledger.answer("{\"policyId\":\"p-1\"}");
    Response issued =
        api.request("/policies", WRITER)
            .post(
                Entity.json(
                    "{\"policyId\":\"p-1\",\"shipmentId\":\"s-1\",\"insuredMsp\":\"ExporterMSP\","
                        + "\"beneficiaryMsps\":[\"ImporterMSP\"],"
                        + "\"coverAmount\":{\"amount\":13750000,\"currency\":\"EUR\"},"
                        + "\"clauses\":\"ICC_C\",\"attachesFromShipment\":true,"
                        + "\"certificateHash\":\""
                        + "c".repeat(64)
                        + "\"}"));

    assertThat(issued.getStatus()).isEqualTo(201);
    JsonNode policy = MAPPER.readTree(ledger.last().call().arguments().get(0));
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("insurance:IssuePolicy");
    assertThat(policy.path("beneficiaryMsps").get(0).asText()).isEqualTo("ImporterMSP");
    assertThat(policy.path("attachesFromShipment").asBoolean()).isTrue();
  }
}
