package io.tradeledger.chaincode.testing;

import static io.tradeledger.chaincode.testing.Consortium.CARRIER;
import static io.tradeledger.chaincode.testing.Consortium.CUSTOMS;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.Consortium.INSURER;
import static io.tradeledger.chaincode.testing.TradeFixtures.event;

import io.tradeledger.chaincode.contract.CustomsContract;
import io.tradeledger.chaincode.contract.DocumentContract;
import io.tradeledger.chaincode.contract.InsuranceContract;
import io.tradeledger.chaincode.contract.OrderContract;
import io.tradeledger.chaincode.contract.PaymentContract;
import io.tradeledger.chaincode.contract.ShipmentContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole trade through every contract, as each organization would drive it: proposal with
 * confidential terms, acceptance, booking, carrier events (single and batch), insurance and a
 * claim, customs, every milestone paid and confirmed, documents, completion.
 */
public final class TradeScenario {
  private final OrderContract orders = new OrderContract();
  private final PaymentContract payments = new PaymentContract();
  private final ShipmentContract shipments = new ShipmentContract();
  private final CustomsContract customs = new CustomsContract();
  private final InsuranceContract insurance = new InsuranceContract();
  private final DocumentContract documents = new DocumentContract();

  /** Runs the trade of order o-1 on a founded ledger; returns every transaction's result. */
  public List<String> run(FakeLedger ledger) {
    List<String> results = new ArrayList<>();
    results.add(
        ledger.submit(IMPORTER, c -> orders.proposeOrder(c, TradeFixtures.proposal("o-1"))));
    results.add(
        ledger.submit(
            IMPORTER, TradeFixtures.termsTransient(), c -> orders.storeOrderTerms(c, "o-1")));
    results.add(
        ledger.submit(
            EXPORTER, TradeFixtures.termsTransient(), c -> orders.storeOrderTerms(c, "o-1")));
    results.add(ledger.submit(EXPORTER, c -> orders.acceptOrder(c, "o-1")));
    results.add(
        ledger.submit(
            IMPORTER,
            c ->
                payments.recordPayment(
                    c,
                    "{\"orderId\":\"o-1\",\"milestoneId\":\"deposit\",\"paymentReference\":\"SWIFT-1\"}")));
    results.add(
        ledger.submit(
            EXPORTER,
            c -> payments.confirmPayment(c, "{\"orderId\":\"o-1\",\"milestoneId\":\"deposit\"}")));
    results.add(
        ledger.submit(
            EXPORTER, c -> shipments.bookShipment(c, TradeFixtures.booking("s-1", "o-1"))));
    results.add(ledger.submit(CARRIER, c -> shipments.confirmShipment(c, "s-1")));
    results.add(
        ledger.submit(
            EXPORTER,
            c ->
                documents.anchorDocument(
                    c,
                    "{\"documentId\":\"inv-1\",\"documentType\":\"COMMERCIAL_INVOICE\",\"sha256\":\""
                        + "a1".repeat(32)
                        + "\",\"orderId\":\"o-1\"}")));
    results.add(
        ledger.submit(
            INSURER,
            c ->
                insurance.issuePolicy(
                    c,
                    "{\"policyId\":\"p-1\",\"shipmentId\":\"s-1\",\"insuredMsp\":\"ImporterMSP\","
                        + "\"coverAmount\":{\"amount\":13750000,\"currency\":\"EUR\"},"
                        + "\"clauses\":\"ICC_A\",\"certificateHash\":\""
                        + "b2".repeat(32)
                        + "\"}")));
    // The vessel sails from Yantian on 1 April; the carrier reports the same day.
    ledger.advanceClockTo(Instant.parse("2026-04-01T12:00:00Z"));
    String batch =
        "{\"shipmentId\":\"s-1\",\"events\":[%s,%s,%s]}"
            .formatted(
                event(1, "s-1", "EQUIPMENT", "GATED_IN", "CNYTN", "2026-03-30T08:00:00Z"),
                event(2, "s-1", "EQUIPMENT", "LOADED", "CNYTN", "2026-03-31T22:00:00Z"),
                event(3, "s-1", "TRANSPORT", "DEPARTED", "CNYTN", "2026-04-01T06:00:00Z"));
    results.add(ledger.submit(CARRIER, c -> shipments.recordShipmentEvents(c, batch)));
    results.add(
        ledger.submit(
            CARRIER,
            c ->
                documents.anchorDocument(
                    c,
                    "{\"documentId\":\"bl-1\",\"documentType\":\"BILL_OF_LADING\",\"sha256\":\""
                        + "c3".repeat(32)
                        + "\",\"shipmentId\":\"s-1\"}")));
    ledger.advanceClockTo(Instant.parse("2026-05-09T18:00:00Z"));
    String arrived = event(4, "s-1", "TRANSPORT", "ARRIVED", "SEGOT", "2026-05-09T14:00:00Z");
    results.add(ledger.submit(CARRIER, c -> shipments.recordShipmentEvent(c, arrived)));
    results.add(
        ledger.submit(
            IMPORTER,
            c ->
                customs.fileDeclaration(
                    c,
                    "{\"declarationId\":\"d-1\",\"shipmentId\":\"s-1\",\"customsMsp\":\"CustomsMSP\","
                        + "\"declaredValue\":{\"amount\":12500000,\"currency\":\"EUR\"},"
                        + "\"hsCodes\":[\"851712\"]}")));
    results.add(
        ledger.submit(
            CUSTOMS,
            c ->
                customs.decideDeclaration(
                    c,
                    "{\"declarationId\":\"d-1\",\"decision\":\"RELEASED\","
                        + "\"assessedDuties\":{\"amount\":31250000,\"currency\":\"SEK\"}}")));
    ledger.advanceClockTo(Instant.parse("2026-05-12T12:00:00Z"));
    String droppedOff =
        event(5, "s-1", "EQUIPMENT", "DROPPED_OFF", "SEGOT", "2026-05-12T09:00:00Z");
    results.add(ledger.submit(CARRIER, c -> shipments.recordShipmentEvent(c, droppedOff)));
    results.add(
        ledger.submit(
            IMPORTER,
            c ->
                insurance.fileClaim(
                    c,
                    "{\"claimId\":\"c-1\",\"policyId\":\"p-1\",\"amount\":{\"amount\":250000,"
                        + "\"currency\":\"EUR\"},\"description\":\"Two cartons crushed\","
                        + "\"evidenceHashes\":[\""
                        + "d4".repeat(32)
                        + "\"]}")));
    results.add(
        ledger.submit(
            INSURER,
            c -> insurance.decideClaim(c, "{\"claimId\":\"c-1\",\"decision\":\"APPROVED\"}")));
    results.add(
        ledger.submit(
            INSURER,
            c ->
                insurance.decideClaim(
                    c,
                    "{\"claimId\":\"c-1\",\"decision\":\"SETTLED\","
                        + "\"settledAmount\":{\"amount\":250000,\"currency\":\"EUR\"}}")));
    results.add(
        ledger.submit(
            IMPORTER,
            c ->
                payments.recordPayment(
                    c,
                    "{\"orderId\":\"o-1\",\"milestoneId\":\"balance\",\"paymentReference\":\"SWIFT-2\"}")));
    results.add(
        ledger.submit(
            EXPORTER,
            c -> payments.confirmPayment(c, "{\"orderId\":\"o-1\",\"milestoneId\":\"balance\"}")));
    return List.copyOf(results);
  }
}
