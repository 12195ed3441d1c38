package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.CARRIER;
import static io.tradeledger.chaincode.testing.Consortium.CUSTOMS;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.Consortium.OUTSIDER;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertEvent;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.TradeFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentContractTest {
  private static final String ORDER_KEY = "\u0000order\u0000o-1\u0000";
  private static final String DEPOSIT_KEY = "\u0000milestone\u0000o-1\u0000deposit\u0000";
  private static final String PAY_DEPOSIT =
      "{\"orderId\":\"o-1\",\"milestoneId\":\"deposit\",\"paymentReference\":\"SWIFT-0001\"}";
  private static final String PAY_BALANCE =
      "{\"orderId\":\"o-1\",\"milestoneId\":\"balance\",\"paymentReference\":\"SWIFT-0002\"}";
  private static final String DEPOSIT = "{\"orderId\":\"o-1\",\"milestoneId\":\"deposit\"}";
  private static final String BALANCE = "{\"orderId\":\"o-1\",\"milestoneId\":\"balance\"}";

  private final PaymentContract payments = new PaymentContract();
  private final OrderContract orders = new OrderContract();
  private final FakeLedger ledger = Consortium.foundedLedger();

  private String order() {
    return ledger.evaluate(EXPORTER, context -> orders.getOrder(context, "o-1"));
  }

  @Test
  void milestones_fall_due_when_their_trigger_is_on_the_ledger() {
    TradeFixtures.propose(ledger, "o-1");
    String proposed = ledger.evaluate(IMPORTER, context -> payments.getMilestones(context, "o-1"));
    assertThat(proposed).doesNotContain("\"due\":true").doesNotContain("dueDate");

    TradeFixtures.storeTerms(ledger, IMPORTER, "o-1");
    TradeFixtures.storeTerms(ledger, EXPORTER, "o-1");
    ledger.submit(EXPORTER, context -> orders.acceptOrder(context, "o-1"));
    String accepted = ledger.evaluate(CUSTOMS, context -> payments.getMilestones(context, "o-1"));

    assertThat(accepted)
        .startsWith(
            "[{\"due\":false,\"dueAmount\":{\"amount\":0,\"currency\":\"EUR\"},"
                + "\"milestone\":{\"amount\":{\"amount\":8750000,")
        .contains(
            "\"trigger\":\"DELIVERY\"}},{\"due\":true,\"dueAmount\":{\"amount\":3750000,"
                + "\"currency\":\"EUR\"},\"dueDate\":\"2026-03-31\",")
        .endsWith(
            "\"milestoneId\":\"deposit\",\"orderId\":\"o-1\",\"payeeMsp\":\"ExporterMSP\","
                + "\"payerMsp\":\"ImporterMSP\",\"status\":\"PENDING\",\"trigger\":\"ACCEPTANCE\"},"
                + "\"triggeredAt\":\"2026-03-01T08:00:05Z\"}]");
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () -> ledger.evaluate(CARRIER, context -> payments.getMilestones(context, "o-1")));
  }

  @Test
  void the_payer_pays_a_due_milestone_and_the_payee_confirms_it() {
    TradeFixtures.accept(ledger, "o-1");

    String paid = ledger.submit(IMPORTER, context -> payments.recordPayment(context, PAY_DEPOSIT));

    assertThat(ledger.lastTransaction().writes()).containsOnlyKeys(DEPOSIT_KEY);
    assertThat(ledger.lastTransaction().writes().get(DEPOSIT_KEY)).isEqualTo(paid);
    assertThat(paid)
        .isEqualTo(
            "{\"amount\":{\"amount\":3750000,\"currency\":\"EUR\"},\"audit\":{\"createdAt\":"
                + "\"2026-03-01T08:00:01Z\",\"createdBy\":{\"identity\":\""
                + IMPORTER.id()
                + "\",\"mspId\":\"ImporterMSP\"},\"updatedAt\":\"2026-03-01T08:00:05Z\","
                + "\"updatedBy\":{\"identity\":\""
                + IMPORTER.id()
                + "\",\"mspId\":\"ImporterMSP\"}},\"daysDue\":30,\"milestoneId\":\"deposit\","
                + "\"orderId\":\"o-1\",\"paidAt\":\"2026-03-01T08:00:05Z\",\"payeeMsp\":"
                + "\"ExporterMSP\",\"payerMsp\":\"ImporterMSP\",\"paymentReference\":\"SWIFT-0001\","
                + "\"status\":\"PAID\",\"trigger\":\"ACCEPTANCE\"}");
    // The milestone keeps the buyer-and-seller policy set at creation; payment changes no policy.
    assertThat(ledger.lastTransaction().endorsementPolicies()).isEmpty();
    assertEvent(ledger, "MilestonePaid", Map.of("milestoneId", "deposit", "orderId", "o-1"));

    String confirmed =
        ledger.submit(EXPORTER, context -> payments.confirmPayment(context, DEPOSIT));

    assertThat(confirmed)
        .contains("\"confirmedAt\":\"2026-03-01T08:00:06Z\"")
        .contains("\"status\":\"CONFIRMED\"");
    assertThat(ledger.lastTransaction().writes()).containsOnlyKeys(DEPOSIT_KEY);
    assertEvent(ledger, "MilestoneConfirmed", Map.of("milestoneId", "deposit", "orderId", "o-1"));
    assertThat(order()).contains("\"status\":\"ACCEPTED\"");
  }

  @Test
  void a_milestone_may_be_paid_before_its_trigger_and_falls_due_only_with_it() {
    TradeFixtures.accept(ledger, "o-1");

    String paid = ledger.submit(IMPORTER, context -> payments.recordPayment(context, PAY_BALANCE));
    ledger.submit(EXPORTER, context -> payments.confirmPayment(context, BALANCE));

    assertThat(paid)
        .contains("\"status\":\"PAID\"")
        .contains("\"paidAt\":\"2026-03-01T08:00:05Z\"");
    String milestones =
        ledger.evaluate(IMPORTER, context -> payments.getMilestones(context, "o-1"));
    // The balance is settled early, yet not due: its trigger (delivery) has not happened.
    assertThat(milestones)
        .startsWith(
            "[{\"due\":false,\"dueAmount\":{\"amount\":0,\"currency\":\"EUR\"},\"milestone\":{")
        .contains("\"milestoneId\":\"balance\"")
        .contains("\"status\":\"CONFIRMED\",\"trigger\":\"DELIVERY\"}},{\"due\":true");
    assertThat(milestones.substring(0, milestones.indexOf("},{\"due\":true")))
        .doesNotContain("dueDate")
        .doesNotContain("triggeredAt");
    assertThat(order()).contains("\"status\":\"ACCEPTED\"");
  }

  @Test
  void payments_are_refused_before_acceptance_and_from_the_wrong_party() {
    TradeFixtures.propose(ledger, "o-1");
    assertRejected(
        ledger,
        "ORDER_NOT_ACCEPTED",
        () -> ledger.submit(IMPORTER, context -> payments.recordPayment(context, PAY_BALANCE)));
    TradeFixtures.storeTerms(ledger, IMPORTER, "o-1");
    TradeFixtures.storeTerms(ledger, EXPORTER, "o-1");
    ledger.submit(EXPORTER, context -> orders.acceptOrder(context, "o-1"));
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(EXPORTER, context -> payments.recordPayment(context, PAY_DEPOSIT)));
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () -> ledger.submit(OUTSIDER, context -> payments.recordPayment(context, PAY_DEPOSIT)));
    assertRejected(
        ledger,
        "MILESTONE_NOT_FOUND",
        () ->
            ledger.submit(
                IMPORTER,
                context ->
                    payments.recordPayment(context, PAY_DEPOSIT.replace("deposit", "bonus"))));
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () ->
            ledger.submit(
                IMPORTER,
                context -> payments.recordPayment(context, PAY_DEPOSIT.replace("SWIFT-0001", ""))));
    assertRejected(
        ledger,
        "MILESTONE_INVALID_TRANSITION",
        () -> ledger.submit(EXPORTER, context -> payments.confirmPayment(context, DEPOSIT)));
    ledger.submit(IMPORTER, context -> payments.recordPayment(context, PAY_DEPOSIT));
    assertRejected(
        ledger,
        "MILESTONE_INVALID_TRANSITION",
        () -> ledger.submit(IMPORTER, context -> payments.recordPayment(context, PAY_DEPOSIT)));
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(IMPORTER, context -> payments.confirmPayment(context, DEPOSIT)));
  }

  @Test
  void confirming_the_last_milestone_of_a_delivered_order_completes_it() {
    TradeFixtures.accept(ledger, "o-1");
    ledger.submit(IMPORTER, context -> payments.recordPayment(context, PAY_DEPOSIT));
    ledger.submit(EXPORTER, context -> payments.confirmPayment(context, DEPOSIT));
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1");
    TradeFixtures.deliver(ledger, "s-1", 1);
    assertThat(order()).contains("\"status\":\"DELIVERED\"");
    ledger.submit(IMPORTER, context -> payments.recordPayment(context, PAY_BALANCE));

    ledger.submit(EXPORTER, context -> payments.confirmPayment(context, BALANCE));

    assertThat(ledger.lastTransaction().writes())
        .containsOnlyKeys(ORDER_KEY, "\u0000milestone\u0000o-1\u0000balance\u0000");
    assertThat(ledger.lastTransaction().writes().get(ORDER_KEY))
        .contains("\"status\":\"COMPLETED\"");
    assertEvent(ledger, "OrderCompleted", Map.of("milestoneId", "balance", "orderId", "o-1"));
    assertThat(order()).contains("\"status\":\"COMPLETED\"");
  }

  @Test
  void a_delivery_milestone_is_due_from_the_reported_drop_off_date_not_the_recording_day() {
    TradeFixtures.accept(ledger, "o-1");
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1");

    // Recorded on 2026-04-10, once the events happened; the carrier reports the drop-off at
    // 2026-04-03T10:00:00Z.
    TradeFixtures.deliver(ledger, "s-1", 1);

    String shipment =
        ledger.evaluate(IMPORTER, context -> new ShipmentContract().getShipment(context, "s-1"));
    assertThat(shipment)
        .contains("\"deliveredAt\":\"2026-04-10T00:00:00Z\"")
        .contains("\"deliveredEventDateTime\":\"2026-04-03T10:00:00Z\"")
        .contains("\"departedEventDateTime\":\"2026-04-01T10:00:00Z\"");
    String milestones =
        ledger.evaluate(IMPORTER, context -> payments.getMilestones(context, "o-1"));
    assertThat(milestones)
        .startsWith(
            "[{\"due\":true,\"dueAmount\":{\"amount\":8750000,\"currency\":\"EUR\"},"
                + "\"dueDate\":\"2026-04-13\",\"milestone\":{")
        .contains("\"trigger\":\"DELIVERY\"},\"triggeredAt\":\"2026-04-10T00:00:00Z\"}");
  }

  @Test
  void an_order_paid_before_delivery_is_completed_after_it() {
    TradeFixtures.propose(ledger, "o-1");
    TradeFixtures.storeTerms(ledger, IMPORTER, "o-1");
    TradeFixtures.storeTerms(ledger, EXPORTER, "o-1");
    ledger.submit(EXPORTER, context -> orders.acceptOrder(context, "o-1"));
    ledger.submit(IMPORTER, context -> payments.recordPayment(context, PAY_DEPOSIT));
    ledger.submit(EXPORTER, context -> payments.confirmPayment(context, DEPOSIT));
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1", 300);
    TradeFixtures.bookAndConfirm(ledger, "s-2", "o-1", 200);
    TradeFixtures.deliver(ledger, "s-1", 1);
    // 300 of 500 phones delivered, 200 not sailing yet: the order as a whole has not shipped.
    assertThat(order()).contains("\"status\":\"ACCEPTED\"");
    // Paid in full before the second shipment is delivered: the order waits for the delivery.
    ledger.submit(IMPORTER, context -> payments.recordPayment(context, PAY_BALANCE));
    ledger.submit(EXPORTER, context -> payments.confirmPayment(context, BALANCE));
    assertThat(order()).contains("\"status\":\"ACCEPTED\"");
    assertRejected(
        ledger,
        "ORDER_NOT_COMPLETABLE",
        () -> ledger.submit(IMPORTER, context -> orders.completeOrder(context, "o-1")));
    TradeFixtures.deliver(ledger, "s-2", 4);
    assertThat(order()).contains("\"status\":\"DELIVERED\"");
    ledger.submit(IMPORTER, context -> orders.completeOrder(context, "o-1"));
    assertThat(order()).contains("\"status\":\"COMPLETED\"");
    assertRejected(
        ledger,
        "ORDER_INVALID_TRANSITION",
        () -> ledger.submit(IMPORTER, context -> orders.completeOrder(context, "o-1")));
  }

  @Test
  void a_pro_rata_milestone_falls_due_with_each_delivered_part_of_a_split_order() {
    String proRata =
        TradeFixtures.proposal("o-1")
            .replace(
                "\"trigger\":\"DELIVERY\",\"daysDue\":10}",
                "\"trigger\":\"DELIVERY\",\"daysDue\":10,\"proRata\":true}");
    assertThat(proRata).contains("\"proRata\":true");
    ledger.submit(IMPORTER, context -> orders.proposeOrder(context, proRata));
    TradeFixtures.storeTerms(ledger, IMPORTER, "o-1");
    TradeFixtures.storeTerms(ledger, EXPORTER, "o-1");
    ledger.submit(EXPORTER, context -> orders.acceptOrder(context, "o-1"));
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1", 300);
    TradeFixtures.bookAndConfirm(ledger, "s-2", "o-1", 200);

    TradeFixtures.deliver(ledger, "s-1", 1);

    // 300 of 500 phones delivered: 60% of the 87,500.00 EUR balance is due, 10 days from the
    // drop-off the carrier reported (2026-04-03), not from the day it was recorded.
    String partly = ledger.evaluate(IMPORTER, context -> payments.getMilestones(context, "o-1"));
    assertThat(partly)
        .startsWith(
            "[{\"due\":true,\"dueAmount\":{\"amount\":5250000,\"currency\":\"EUR\"},"
                + "\"dueDate\":\"2026-04-13\",");
    assertThat(order()).contains("\"status\":\"ACCEPTED\"").contains("\"proRata\":true");

    TradeFixtures.deliver(ledger, "s-2", 4);

    String fully = ledger.evaluate(IMPORTER, context -> payments.getMilestones(context, "o-1"));
    assertThat(fully)
        .startsWith("[{\"due\":true,\"dueAmount\":{\"amount\":8750000,\"currency\":\"EUR\"},");
    assertThat(order()).contains("\"status\":\"DELIVERED\"");
  }
}
