package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.CARRIER;
import static io.tradeledger.chaincode.testing.Consortium.CUSTOMS;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.Consortium.OUTSIDER;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertEvent;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertRejected;
import static io.tradeledger.chaincode.testing.TradeFixtures.booking;
import static io.tradeledger.chaincode.testing.TradeFixtures.event;
import static io.tradeledger.chaincode.testing.TradeFixtures.eventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.TradeFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipmentContractTest {
  private static final String SHIPMENT_KEY = "\u0000shipment\u0000s-1\u0000";

  private final ShipmentContract shipments = new ShipmentContract();
  private final FakeLedger ledger = Consortium.foundedLedger();

  /** An accepted order o-1 with shipment s-1 confirmed, and the clock after the fixture events. */
  private void confirmed() {
    TradeFixtures.accept(ledger, "o-1");
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1");
    ledger.advanceClockTo(TradeFixtures.EVENTS_HAPPENED);
  }

  private String shipment() {
    return ledger.evaluate(IMPORTER, context -> shipments.getShipment(context, "s-1"));
  }

  @Test
  void the_seller_books_a_shipment_that_only_the_carrier_endorses_afterwards() {
    TradeFixtures.accept(ledger, "o-1");

    String result =
        ledger.submit(EXPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1")));

    String stored =
        "{\"arrivedAt\":null,\"audit\":{\"createdAt\":\"2026-03-01T08:00:05Z\",\"createdBy\":{\"identity\":\""
            + EXPORTER.id()
            + "\",\"mspId\":\"ExporterMSP\"},\"updatedAt\":\"2026-03-01T08:00:05Z\",\"updatedBy\":"
            + "{\"identity\":\""
            + EXPORTER.id()
            + "\",\"mspId\":\"ExporterMSP\"}},\"carrierMsp\":\"CarrierMSP\",\"consigneeMsp\":"
            + "\"ImporterMSP\",\"containers\":[\"CSQU3054383\"],"
            + "\"lines\":[{\"line\":1,\"quantity\":500}],\"mode\":\"SEA\",\"orderId\":\"o-1\","
            + "\"plannedArrival\":\"2026-05-10\",\"plannedDeparture\":\"2026-04-01\","
            + "\"portOfDischarge\":\"SEGOT\",\"portOfLoading\":\"CNYTN\",\"shipmentId\":\"s-1\","
            + "\"shipperMsp\":\"ExporterMSP\",\"status\":\"BOOKED\",\"transportDocumentNumber\":"
            + "\"MAEU123456789\"}";
    assertThat(ledger.lastTransaction().writes())
        .containsEntry(SHIPMENT_KEY, stored.replace("\"arrivedAt\":null,", ""))
        .containsKeys(
            "\u0000order-shipment\u0000o-1\u0000s-1\u0000",
            "\u0000party-shipment\u0000CarrierMSP\u0000s-1\u0000",
            "\u0000party-shipment\u0000ExporterMSP\u0000s-1\u0000",
            "\u0000party-shipment\u0000ImporterMSP\u0000s-1\u0000",
            "\u0000order-party\u0000o-1\u0000CarrierMSP\u0000",
            "\u0000party-order\u0000CarrierMSP\u0000o-1\u0000");
    assertThat(result).isEqualTo(stored.replace("\"arrivedAt\":null,", ""));
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsOnly(Map.entry(SHIPMENT_KEY, List.of("CarrierMSP")));
    assertEvent(ledger, "ShipmentBooked", Map.of("orderId", "o-1", "shipmentId", "s-1"));
    String carrierView = ledger.evaluate(CARRIER, context -> shipments.getShipment(context, "s-1"));
    assertThat(carrierView).contains("\"status\":\"BOOKED\"");
  }

  @Test
  void booking_is_for_the_seller_of_an_accepted_order_on_a_registered_carrier() {
    TradeFixtures.propose(ledger, "o-1");
    assertRejected(
        ledger,
        "ORDER_NOT_ACCEPTED",
        () ->
            ledger.submit(
                EXPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1"))));
    TradeFixtures.accept(ledger, "o-2");
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () ->
            ledger.submit(
                IMPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-2"))));
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () ->
            ledger.submit(
                CARRIER, context -> shipments.bookShipment(context, booking("s-1", "o-2"))));
    String onCustoms =
        booking("s-1", "o-2")
            .replace("\"carrierMsp\":\"CarrierMSP\"", "\"carrierMsp\":\"CustomsMSP\"");
    assertRejected(
        ledger,
        "ROLE_REQUIRED",
        () -> ledger.submit(EXPORTER, context -> shipments.bookShipment(context, onCustoms)));
    String onNobody =
        booking("s-1", "o-2")
            .replace("\"carrierMsp\":\"CarrierMSP\"", "\"carrierMsp\":\"NobodyMSP\"");
    assertRejected(
        ledger,
        "PARTICIPANT_NOT_FOUND",
        () -> ledger.submit(EXPORTER, context -> shipments.bookShipment(context, onNobody)));
  }

  @Test
  void bookings_are_validated() {
    TradeFixtures.accept(ledger, "o-1");
    Map<String, String> broken =
        Map.of(
            "CSQU3054383",
            "CSQU3054384",
            "\"mode\":\"SEA\"",
            "\"mode\":\"SPACE\"",
            "\"plannedArrival\":\"2026-05-10\"",
            "\"plannedArrival\":\"2026-03-10\"",
            "\"portOfLoading\":\"CNYTN\"",
            "\"portOfLoading\":\"XXYTN\"",
            "\"transportDocumentNumber\":\"MAEU123456789\"",
            "\"transportDocumentNumber\":\"\"",
            "\"line\":1,",
            "\"line\":2,",
            "\"quantity\":500",
            "\"quantity\":0",
            ",\"lines\":[{\"line\":1,\"quantity\":500}]",
            "",
            "[{\"line\":1,\"quantity\":500}]",
            "[{\"line\":1,\"quantity\":1},{\"line\":1,\"quantity\":2}]");
    broken.forEach(
        (good, bad) -> {
          String request = booking("s-1", "o-1").replace(good, bad);
          assertThat(request).isNotEqualTo(booking("s-1", "o-1"));
          assertRejected(
              ledger,
              "INVALID_INPUT",
              () -> ledger.submit(EXPORTER, context -> shipments.bookShipment(context, request)));
        });
  }

  @Test
  void a_repeated_booking_returns_the_shipment_and_a_different_one_conflicts() {
    TradeFixtures.accept(ledger, "o-1");
    ledger.submit(EXPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1")));

    String again =
        ledger.submit(EXPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1")));

    assertThat(again).contains("\"shipmentId\":\"s-1\"");
    assertThat(ledger.lastTransaction().writes()).isEmpty();
    String different = booking("s-1", "o-1").replace("MAEU123456789", "MAEU000000000");
    assertRejected(
        ledger,
        "SHIPMENT_CONFLICT",
        () -> ledger.submit(EXPORTER, context -> shipments.bookShipment(context, different)));
  }

  @Test
  void only_the_carrier_confirms_and_only_once() {
    TradeFixtures.accept(ledger, "o-1");
    ledger.submit(EXPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1")));
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(EXPORTER, context -> shipments.confirmShipment(context, "s-1")));

    String confirmed = ledger.submit(CARRIER, context -> shipments.confirmShipment(context, "s-1"));

    assertThat(confirmed).contains("\"status\":\"CONFIRMED\"");
    assertThat(ledger.lastTransaction().writes()).containsOnlyKeys(SHIPMENT_KEY);
    assertEvent(ledger, "ShipmentConfirmed", Map.of("orderId", "o-1", "shipmentId", "s-1"));
    assertRejected(
        ledger,
        "SHIPMENT_INVALID_TRANSITION",
        () -> ledger.submit(CARRIER, context -> shipments.confirmShipment(context, "s-1")));
  }

  @Test
  void events_need_the_carrier_and_a_confirmed_shipment() {
    TradeFixtures.accept(ledger, "o-1");
    ledger.submit(EXPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1")));
    String departed = event(1, "s-1", "TRANSPORT", "DEPARTED");
    assertRejected(
        ledger,
        "SHIPMENT_INVALID_TRANSITION",
        () -> ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, departed)));
    ledger.submit(CARRIER, context -> shipments.confirmShipment(context, "s-1"));
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(EXPORTER, context -> shipments.recordShipmentEvent(context, departed)));
    assertRejected(
        ledger,
        "SHIPMENT_NOT_FOUND",
        () -> ledger.submit(OUTSIDER, context -> shipments.recordShipmentEvent(context, departed)));
  }

  @Test
  void an_actual_departure_puts_the_shipment_in_transit() {
    confirmed();
    String departed =
        event(1, "s-1", "TRANSPORT", "DEPARTED")
            .replace("}", ",\"equipmentReference\":\"CSQU3054383\",\"remarks\":\"On time\"}");

    String stored =
        ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, departed));

    String eventKey = "\u0000shipment-event\u0000s-1\u0000" + eventId(1) + "\u0000";
    String expected =
        "{\"audit\":{\"createdAt\":\"2026-04-10T00:00:00Z\",\"createdBy\":{\"identity\":\""
            + CARRIER.id()
            + "\",\"mspId\":\"CarrierMSP\"},\"updatedAt\":\"2026-04-10T00:00:00Z\",\"updatedBy\":"
            + "{\"identity\":\""
            + CARRIER.id()
            + "\",\"mspId\":\"CarrierMSP\"}},\"equipmentReference\":\"CSQU3054383\","
            + "\"eventClassifier\":\"ACTUAL\",\"eventCode\":\"DEPARTED\",\"eventDateTime\":"
            + "\"2026-04-01T10:00:00Z\",\"eventId\":\""
            + eventId(1)
            + "\",\"eventType\":\"TRANSPORT\",\"location\":\"CNYTN\",\"orderId\":\"o-1\","
            + "\"recordedAt\":\"2026-04-10T00:00:00Z\",\"remarks\":\"On time\",\"shipmentId\":\"s-1\"}";
    assertThat(stored).isEqualTo(expected);
    assertThat(ledger.lastTransaction().writes())
        .containsEntry(eventKey, expected)
        .containsKey(SHIPMENT_KEY);
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsOnly(Map.entry(eventKey, List.of("CarrierMSP")));
    assertEvent(
        ledger, "ShipmentEventRecorded", Map.of("eventId", eventId(1), "shipmentId", "s-1"));
    assertThat(shipment())
        .contains("\"status\":\"IN_TRANSIT\"")
        .contains("\"departedAt\":\"2026-04-10T00:00:00Z\"");
  }

  @Test
  void an_arrival_at_a_transshipment_port_leaves_the_shipment_in_transit() {
    confirmed();
    String batch =
        "{\"shipmentId\":\"s-1\",\"events\":[%s,%s,%s]}"
            .formatted(
                event(1, "s-1", "TRANSPORT", "DEPARTED"),
                event(2, "s-1", "TRANSPORT", "ARRIVED").replace("SEGOT", "SGSIN"),
                event(3, "s-1", "TRANSPORT", "DEPARTED").replace("CNYTN", "SGSIN"));
    ledger.submit(CARRIER, context -> shipments.recordShipmentEvents(context, batch));
    assertThat(shipment()).contains("\"status\":\"IN_TRANSIT\"").doesNotContain("arrivedAt");

    ledger.submit(
        CARRIER,
        context -> shipments.recordShipmentEvent(context, event(4, "s-1", "TRANSPORT", "ARRIVED")));

    assertThat(shipment()).contains("\"status\":\"ARRIVED\"").contains("\"arrivedAt\":");
  }

  @Test
  void estimated_events_do_not_move_the_shipment() {
    confirmed();
    String estimated = event(1, "s-1", "TRANSPORT", "DEPARTED").replace("ACTUAL", "ESTIMATED");

    ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, estimated));

    assertThat(shipment()).contains("\"status\":\"CONFIRMED\"").doesNotContain("departedAt");
  }

  @Test
  void events_are_validated_against_the_dcsa_vocabulary_and_the_shipment() {
    confirmed();
    List<String> broken =
        List.of(
            event(1, "s-1", "TRANSPORT", "LOADED"),
            event(1, "s-1", "EQUIPMENT", "DEPARTED"),
            event(1, "s-1", "TRANSPORT", "DEPARTED").replace(eventId(1), "not-a-uuid"),
            event(1, "s-1", "TRANSPORT", "DEPARTED").replace("ACTUAL", "GUESSED"),
            event(1, "s-1", "TRANSPORT", "DEPARTED").replace("CNYTN", "cnytn"),
            event(1, "s-1", "TRANSPORT", "DEPARTED").replace("2026-04-01T10:00:00Z", "yesterday"),
            event(1, "s-1", "EQUIPMENT", "LOADED").replace("CSQU3054383", "MSCU1234566"),
            event(1, "s-1", "EQUIPMENT", "LOADED")
                .replace(",\"equipmentReference\":\"CSQU3054383\"", ""),
            event(1, "s-1", "TRANSPORT", "DEPARTED")
                .replace("}", ",\"emptyIndicatorCode\":\"LADEN\"}"),
            event(1, "s-1", "EQUIPMENT", "LOADED")
                .replace("}", ",\"emptyIndicatorCode\":\"FULL\"}"),
            event(1, "s-1", "TRANSPORT", "DEPARTED")
                .replace("}", ",\"retractsEventId\":\"" + eventId(1) + "\"}"));
    for (String request : broken) {
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, request)));
    }
  }

  @Test
  void a_repeated_event_is_recorded_once_and_a_different_one_with_its_id_conflicts() {
    confirmed();
    String departed = event(1, "s-1", "TRANSPORT", "DEPARTED");
    ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, departed));

    String again =
        ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, departed));

    assertThat(again).contains(eventId(1));
    assertThat(ledger.lastTransaction().writes()).isEmpty();
    assertThat(ledger.lastTransaction().eventsSet()).isZero();
    String different = departed.replace("CNYTN", "NLRTM");
    assertRejected(
        ledger,
        "EVENT_CONFLICT",
        () -> ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, different)));
  }

  @Test
  void a_retraction_corrects_the_record_without_editing_it() {
    confirmed();
    ledger.submit(
        CARRIER,
        context ->
            shipments.recordShipmentEvent(context, event(1, "s-1", "TRANSPORT", "DEPARTED")));
    String retraction =
        event(2, "s-1", "TRANSPORT", "DEPARTED")
            .replace(
                "}", ",\"retractsEventId\":\"" + eventId(1) + "\",\"remarks\":\"Wrong vessel\"}");

    ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, retraction));

    assertThat(ledger.lastTransaction().writes())
        .doesNotContainKey("\u0000shipment-event\u0000s-1\u0000" + eventId(1) + "\u0000");
    // The retraction is itself a DEPARTED event: the shipment stays in transit from its time.
    assertThat(shipment())
        .contains("\"status\":\"IN_TRANSIT\"")
        .contains("\"departedAt\":\"2026-04-10T00:00:01Z\"");
    String events =
        ledger.evaluate(CUSTOMS, context -> shipments.listShipmentEvents(context, "s-1"));
    assertThat(events)
        .startsWith("[{\"event\":{")
        .contains(eventId(1) + "\",\"eventType\":\"TRANSPORT\"")
        .contains("\"retracted\":true")
        .contains("\"retracted\":false");
    String again =
        event(3, "s-1", "TRANSPORT", "ARRIVED")
            .replace("}", ",\"retractsEventId\":\"" + eventId(1) + "\"}");
    assertRejected(
        ledger,
        "EVENT_ALREADY_RETRACTED",
        () -> ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, again)));
    String unknown =
        event(3, "s-1", "TRANSPORT", "ARRIVED")
            .replace("}", ",\"retractsEventId\":\"" + eventId(9) + "\"}");
    assertRejected(
        ledger,
        "EVENT_NOT_FOUND",
        () -> ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, unknown)));
  }

  @Test
  void retracting_the_only_departure_moves_the_shipment_back() {
    confirmed();
    ledger.submit(
        CARRIER,
        context ->
            shipments.recordShipmentEvent(context, event(1, "s-1", "TRANSPORT", "DEPARTED")));
    // The vessel did not sail after all: the departure is corrected to an estimate.
    String retraction =
        event(2, "s-1", "TRANSPORT", "DEPARTED")
            .replace("ACTUAL", "ESTIMATED")
            .replace("}", ",\"retractsEventId\":\"" + eventId(1) + "\"}");

    ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, retraction));

    assertThat(shipment()).contains("\"status\":\"CONFIRMED\"").doesNotContain("departedAt");
  }

  @Test
  void a_batch_of_events_commits_in_one_transaction_with_one_chaincode_event() {
    confirmed();
    String batch =
        "{\"shipmentId\":\"s-1\",\"events\":[%s,%s,%s,%s]}"
            .formatted(
                event(1, "s-1", "EQUIPMENT", "LOADED"),
                event(2, "s-1", "TRANSPORT", "DEPARTED"),
                event(3, "s-1", "TRANSPORT", "ARRIVED"),
                event(4, "s-1", "EQUIPMENT", "DROPPED_OFF"));

    String recorded =
        ledger.submit(CARRIER, context -> shipments.recordShipmentEvents(context, batch));

    assertThat(recorded).contains(eventId(1)).contains(eventId(4));
    assertThat(ledger.lastTransaction().writes()).hasSize(5);
    assertThat(ledger.lastTransaction().endorsementPolicies()).hasSize(4);
    assertEvent(ledger, "ShipmentEventsRecorded", Map.of("eventCount", "4", "shipmentId", "s-1"));
    assertThat(shipment())
        .contains("\"status\":\"DELIVERED\"")
        .contains("\"deliveredAt\":\"2026-04-10T00:00:00Z\"");
  }

  @Test
  void a_batch_may_retract_its_own_earlier_event() {
    confirmed();
    String batch =
        "{\"shipmentId\":\"s-1\",\"events\":[%s,%s]}"
            .formatted(
                event(1, "s-1", "TRANSPORT", "DEPARTED"),
                event(2, "s-1", "TRANSPORT", "DEPARTED")
                    .replace("ACTUAL", "ESTIMATED")
                    .replace("}", ",\"retractsEventId\":\"" + eventId(1) + "\"}"));

    ledger.submit(CARRIER, context -> shipments.recordShipmentEvents(context, batch));

    assertThat(shipment()).contains("\"status\":\"CONFIRMED\"");
  }

  @Test
  void batches_are_validated_as_a_whole() {
    confirmed();
    String otherShipment =
        "{\"shipmentId\":\"s-1\",\"events\":[%s]}"
            .formatted(event(1, "s-2", "TRANSPORT", "DEPARTED"));
    String twice =
        "{\"shipmentId\":\"s-1\",\"events\":[%s,%s]}"
            .formatted(
                event(1, "s-1", "TRANSPORT", "DEPARTED"), event(1, "s-1", "TRANSPORT", "ARRIVED"));
    StringBuilder tooMany = new StringBuilder("{\"shipmentId\":\"s-1\",\"events\":[");
    for (int number = 1; number <= 501; number++) {
      tooMany.append(number > 1 ? "," : "").append(event(number, "s-1", "EQUIPMENT", "INSPECTED"));
    }
    tooMany.append("]}");
    String badLast =
        "{\"shipmentId\":\"s-1\",\"events\":[%s,%s]}"
            .formatted(
                event(1, "s-1", "TRANSPORT", "DEPARTED"), event(2, "s-1", "TRANSPORT", "LOADED"));
    for (String batch :
        List.of(
            otherShipment,
            twice,
            tooMany.toString(),
            badLast,
            "{\"shipmentId\":\"s-1\",\"events\":[]}")) {
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(CARRIER, context -> shipments.recordShipmentEvents(context, batch)));
    }
  }

  @Test
  void shipments_are_hidden_from_organizations_outside_the_trade() {
    confirmed();
    assertRejected(
        ledger,
        "SHIPMENT_NOT_FOUND",
        () -> ledger.evaluate(OUTSIDER, context -> shipments.getShipment(context, "s-1")));
    assertRejected(
        ledger,
        "SHIPMENT_NOT_FOUND",
        () -> ledger.evaluate(OUTSIDER, context -> shipments.listShipmentEvents(context, "s-1")));
    assertRejected(
        ledger,
        "SHIPMENT_NOT_FOUND",
        () -> ledger.evaluate(IMPORTER, context -> shipments.getShipment(context, "s-9")));
  }

  @Test
  void each_party_lists_the_shipments_it_ships_receives_or_carries() {
    TradeFixtures.accept(ledger, "o-1");
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1", 300);
    TradeFixtures.bookAndConfirm(ledger, "s-2", "o-1", 200);

    String first = ledger.evaluate(CARRIER, context -> shipments.listShipments(context, "1", ""));
    String second =
        ledger.evaluate(
            CARRIER,
            context ->
                shipments.listShipments(
                    context, "1", "\u0000party-shipment\u0000CarrierMSP\u0000s-2\u0000"));
    String importers =
        ledger.evaluate(IMPORTER, context -> shipments.listShipments(context, "10", ""));
    String customs =
        ledger.evaluate(CUSTOMS, context -> shipments.listShipments(context, "10", ""));

    assertThat(first).contains("\"shipmentId\":\"s-1\"").contains("\"bookmark\"");
    assertThat(second).contains("\"shipmentId\":\"s-2\"").doesNotContain("bookmark");
    assertThat(importers).contains("s-1").contains("s-2");
    assertThat(customs).isEqualTo("{\"records\":[]}");
  }
}
