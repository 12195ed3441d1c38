package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.CARRIER;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertRejected;
import static io.tradeledger.chaincode.testing.TradeFixtures.event;
import static io.tradeledger.chaincode.testing.TradeFixtures.eventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.TradeFixtures;
import org.junit.jupiter.api.Test;

/** The trade rules shipments and their events obey: quantities, containers, time, place. */
class ShipmentRulesTest {
  private static final String SECOND_CONTAINER = "MSCU1234566";

  private final ShipmentContract shipments = new ShipmentContract();
  private final PaymentContract payments = new PaymentContract();
  private final OrderContract orders = new OrderContract();
  private final FakeLedger ledger = Consortium.foundedLedger();

  private void book(String booking) {
    ledger.submit(EXPORTER, context -> shipments.bookShipment(context, booking));
    ledger.submit(CARRIER, context -> shipments.confirmShipment(context, "s-1"));
    ledger.advanceClockTo(TradeFixtures.EVENTS_HAPPENED);
  }

  /** Order o-1 accepted; shipment s-1 of the whole order confirmed, in two containers. */
  private void twoContainers() {
    TradeFixtures.accept(ledger, "o-1");
    book(
        TradeFixtures.booking("s-1", "o-1")
            .replace("[\"CSQU3054383\"]", "[\"CSQU3054383\",\"" + SECOND_CONTAINER + "\"]"));
  }

  /** Order o-1 accepted; shipment s-1 of the whole order confirmed, in container CSQU3054383. */
  private void oneContainer() {
    TradeFixtures.accept(ledger, "o-1");
    book(TradeFixtures.booking("s-1", "o-1"));
  }

  private String record(String event) {
    return ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, event));
  }

  private void refused(String code, String event) {
    assertRejected(
        ledger,
        code,
        () -> ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, event)));
  }

  private String shipment() {
    return ledger.evaluate(IMPORTER, context -> shipments.getShipment(context, "s-1"));
  }

  private String order() {
    return ledger.evaluate(IMPORTER, context -> orders.getOrder(context, "o-1"));
  }

  private String milestones() {
    return ledger.evaluate(IMPORTER, context -> payments.getMilestones(context, "o-1"));
  }

  private static String retracting(String event, int retracted) {
    return event.replace("}", ",\"retractsEventId\":\"" + eventId(retracted) + "\"}");
  }

  private static String container(String event, String container) {
    return event.replace(TradeFixtures.CONTAINER, container);
  }

  private static String emptyIndicator(String event, String indicator) {
    return event.replace("}", ",\"emptyIndicatorCode\":\"" + indicator + "\"}");
  }

  @Test
  void shipments_split_an_order_within_its_ordered_quantities() {
    TradeFixtures.accept(ledger, "o-1");
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1", 300);

    assertRejected(
        ledger,
        "SHIPMENT_QUANTITY_EXCEEDS_ORDER",
        () ->
            ledger.submit(
                EXPORTER,
                context ->
                    shipments.bookShipment(context, TradeFixtures.booking("s-2", "o-1", 201))));
    TradeFixtures.bookAndConfirm(ledger, "s-2", "o-1", 200);
    assertRejected(
        ledger,
        "SHIPMENT_QUANTITY_EXCEEDS_ORDER",
        () ->
            ledger.submit(
                EXPORTER,
                context ->
                    shipments.bookShipment(context, TradeFixtures.booking("s-3", "o-1", 1))));
    String second = ledger.evaluate(IMPORTER, context -> shipments.getShipment(context, "s-2"));
    assertThat(second).contains("\"lines\":[{\"line\":1,\"quantity\":200}]");
  }

  @Test
  void one_container_dropped_off_on_the_other_side_of_the_world_delivers_nothing() {
    twoContainers();
    record(event(1, "s-1", "TRANSPORT", "DEPARTED"));
    record(event(2, "s-1", "TRANSPORT", "ARRIVED"));

    record(event(3, "s-1", "EQUIPMENT", "DROPPED_OFF").replace("SEGOT", "USLAX"));

    assertThat(shipment()).contains("\"status\":\"ARRIVED\"").doesNotContain("deliveredAt");
    assertThat(order()).contains("\"status\":\"ARRIVED\"");
    assertThat(milestones()).startsWith("[{\"due\":false,");
    // At the destination, but one container of two.
    record(event(4, "s-1", "EQUIPMENT", "DROPPED_OFF"));
    assertThat(shipment()).contains("\"status\":\"ARRIVED\"");
    // The second container leaves the terminal empty: not the goods.
    record(
        emptyIndicator(
            container(event(5, "s-1", "EQUIPMENT", "GATED_OUT"), SECOND_CONTAINER), "EMPTY"));
    record(container(event(6, "s-1", "EQUIPMENT", "GATED_OUT"), SECOND_CONTAINER));
    assertThat(shipment()).contains("\"status\":\"ARRIVED\"");

    // Merchant haulage: the consignee collects the laden container at the port of discharge.
    String stored =
        record(
            emptyIndicator(
                container(event(7, "s-1", "EQUIPMENT", "GATED_OUT"), SECOND_CONTAINER), "LADEN"));

    assertThat(stored)
        .contains(
            "\"emptyIndicatorCode\":\"LADEN\",\"equipmentReference\":\"" + SECOND_CONTAINER + "\",")
        .contains("\"eventCode\":\"GATED_OUT\"");

    // Delivered when the last container is: the balance counts from that event's own date.
    assertThat(shipment())
        .contains("\"status\":\"DELIVERED\"")
        .contains("\"deliveredEventDateTime\":\"2026-04-07T10:00:00Z\"");
    assertThat(order()).contains("\"status\":\"DELIVERED\"");
    assertThat(milestones()).startsWith("[{\"due\":true,").contains("\"dueDate\":\"2026-04-17\"");
  }

  @Test
  void a_container_dropped_off_empty_is_not_delivered() {
    oneContainer();
    record(event(1, "s-1", "TRANSPORT", "DEPARTED"));
    record(event(2, "s-1", "TRANSPORT", "ARRIVED"));

    record(emptyIndicator(event(3, "s-1", "EQUIPMENT", "DROPPED_OFF"), "EMPTY"));
    assertThat(shipment()).contains("\"status\":\"ARRIVED\"");
    record(emptyIndicator(event(4, "s-1", "EQUIPMENT", "DROPPED_OFF"), "LADEN"));
    assertThat(shipment()).contains("\"status\":\"DELIVERED\"");
  }

  @Test
  void an_uncontainerised_shipment_is_delivered_by_a_drop_off_that_names_no_container() {
    TradeFixtures.accept(ledger, "o-1");
    book(TradeFixtures.booking("s-1", "o-1").replace("[\"CSQU3054383\"]", "[]"));
    record(event(1, "s-1", "TRANSPORT", "DEPARTED"));
    record(event(2, "s-1", "TRANSPORT", "ARRIVED"));
    refused("INVALID_INPUT", event(3, "s-1", "EQUIPMENT", "DROPPED_OFF"));

    record(
        event(3, "s-1", "EQUIPMENT", "DROPPED_OFF")
            .replace(",\"equipmentReference\":\"CSQU3054383\"", ""));

    assertThat(shipment()).contains("\"status\":\"DELIVERED\"");
  }

  @Test
  void actual_events_are_not_dated_after_the_transaction_beyond_fifteen_minutes() {
    oneContainer();
    // The transaction runs at 2026-04-10T00:00:00Z.
    refused(
        "EVENT_IN_FUTURE",
        event(1, "s-1", "TRANSPORT", "DEPARTED", "CNYTN", "2026-04-10T00:15:01Z"));
    record(
        event(1, "s-1", "TRANSPORT", "DEPARTED", "CNYTN", "2026-05-01T00:00:00Z")
            .replace("ACTUAL", "ESTIMATED"));

    record(event(2, "s-1", "TRANSPORT", "DEPARTED", "CNYTN", "2026-04-10T00:15:00Z"));

    assertThat(shipment()).contains("\"status\":\"IN_TRANSIT\"");
  }

  @Test
  void the_first_departure_is_from_the_port_of_loading() {
    oneContainer();
    refused(
        "EVENT_LOCATION_INVALID",
        event(1, "s-1", "TRANSPORT", "DEPARTED").replace("CNYTN", "SGSIN"));
    record(event(2, "s-1", "TRANSPORT", "DEPARTED"));
    // A departure from the transshipment port dated before the one from Yantian would come first.
    refused(
        "EVENT_LOCATION_INVALID",
        event(3, "s-1", "TRANSPORT", "DEPARTED", "SGSIN", "2026-04-01T10:00:00Z"));

    record(event(3, "s-1", "TRANSPORT", "DEPARTED", "SGSIN", "2026-04-05T10:00:00Z"));

    assertThat(shipment()).contains("\"status\":\"IN_TRANSIT\"");
  }

  @Test
  void arrival_is_not_before_departure_and_delivery_not_before_arrival() {
    oneContainer();
    refused("EVENT_OUT_OF_SEQUENCE", event(1, "s-1", "TRANSPORT", "ARRIVED"));
    record(event(2, "s-1", "TRANSPORT", "DEPARTED"));
    refused(
        "EVENT_OUT_OF_SEQUENCE",
        event(3, "s-1", "TRANSPORT", "ARRIVED", "SEGOT", "2026-04-01T10:00:00Z"));
    refused("EVENT_OUT_OF_SEQUENCE", event(4, "s-1", "EQUIPMENT", "DROPPED_OFF"));
    record(event(5, "s-1", "TRANSPORT", "ARRIVED"));
    refused(
        "EVENT_OUT_OF_SEQUENCE",
        event(6, "s-1", "EQUIPMENT", "DROPPED_OFF", "SEGOT", "2026-04-04T10:00:00Z"));
    // Correcting the departure to after the arrival would make the stages run backwards.
    refused(
        "EVENT_OUT_OF_SEQUENCE",
        retracting(event(7, "s-1", "TRANSPORT", "DEPARTED", "CNYTN", "2026-04-06T10:00:00Z"), 2));

    record(event(8, "s-1", "EQUIPMENT", "DROPPED_OFF"));

    assertThat(shipment()).contains("\"status\":\"DELIVERED\"");
  }

  @Test
  void a_retraction_corrects_an_event_of_the_same_type_code_and_container() {
    twoContainers();
    record(event(1, "s-1", "EQUIPMENT", "LOADED"));
    refused(
        "EVENT_RETRACTION_MISMATCH",
        retracting(container(event(2, "s-1", "EQUIPMENT", "LOADED"), SECOND_CONTAINER), 1));
    refused("EVENT_RETRACTION_MISMATCH", retracting(event(2, "s-1", "EQUIPMENT", "DISCHARGED"), 1));
    refused("EVENT_RETRACTION_MISMATCH", retracting(event(2, "s-1", "TRANSPORT", "DEPARTED"), 1));

    record(retracting(event(2, "s-1", "EQUIPMENT", "LOADED", "CNYTN", "2026-04-01T12:00:00Z"), 1));

    String events =
        ledger.evaluate(IMPORTER, context -> shipments.listShipmentEvents(context, "s-1"));
    assertThat(events).contains("\"retracted\":true").contains("\"retracted\":false");
  }

  @Test
  void
      a_completed_order_keeps_its_ground_a_retraction_that_would_move_a_shipment_back_is_refused() {
    TradeFixtures.accept(ledger, "o-1");
    pay("deposit");
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1");
    TradeFixtures.deliver(ledger, "s-1", 1);
    pay("balance");
    assertThat(order()).contains("\"status\":\"COMPLETED\"");

    refused(
        "EVENT_NOT_RETRACTABLE",
        retracting(event(4, "s-1", "EQUIPMENT", "DROPPED_OFF").replace("ACTUAL", "ESTIMATED"), 3));
    refused(
        "EVENT_NOT_RETRACTABLE",
        retracting(event(4, "s-1", "EQUIPMENT", "DROPPED_OFF").replace("SEGOT", "USLAX"), 3));

    // A correction that keeps the shipment delivered (the right time) is recorded, for audit.
    record(
        retracting(
            event(4, "s-1", "EQUIPMENT", "DROPPED_OFF", "SEGOT", "2026-04-03T15:00:00Z"), 3));

    assertThat(shipment()).contains("\"status\":\"DELIVERED\"");
    assertThat(order()).contains("\"status\":\"COMPLETED\"");
  }

  private void pay(String milestoneId) {
    String reference = "{\"orderId\":\"o-1\",\"milestoneId\":\"" + milestoneId + "\"}";
    String payment = reference.replace("}", ",\"paymentReference\":\"SWIFT-" + milestoneId + "\"}");
    ledger.submit(IMPORTER, context -> payments.recordPayment(context, payment));
    ledger.submit(EXPORTER, context -> payments.confirmPayment(context, reference));
  }
}
