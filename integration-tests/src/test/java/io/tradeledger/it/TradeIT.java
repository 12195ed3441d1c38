package io.tradeledger.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.contract.ClaimDecision;
import io.tradeledger.contract.ClaimFiling;
import io.tradeledger.contract.ClaimStatus;
import io.tradeledger.contract.DocumentAnchor;
import io.tradeledger.contract.DocumentType;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.HistoryRequest;
import io.tradeledger.contract.IccClause;
import io.tradeledger.contract.MilestoneReference;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.Payment;
import io.tradeledger.contract.PolicyIssue;
import io.tradeledger.contract.RecordType;
import io.tradeledger.contract.transactions.Transactions;
import io.tradeledger.it.Member.Submitted;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole trade on the real network, each step submitted by a named person of the organization
 * responsible for it, through that organization's own peer. The steps build on each other, in
 * order. At the end other organizations read the timeline and the histories, and every version must
 * name the very person who wrote it: the contract's promise that the ledger records who did what,
 * not just which organization.
 *
 * <p>The trade follows the contract's trade rules (Incoterms, terms that add up, dates on the real
 * clock, DCSA event order); along the way two facts the rules refuse are submitted, and the
 * contract's code must reach the Gateway client with nothing written.
 */
@ExtendWith(NetworkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
final class TradeIT {
  private static final Money COVER = new Money(13_800_000, "EUR");
  private static final Money CLAIMED = new Money(250_000, "EUR");
  private static final Money DUTIES = new Money(31_250_000, "SEK");

  private final Trade trade = Trade.fresh("trade");
  private final byte[] invoice =
      ("Commercial invoice for order " + trade.orderId()).getBytes(UTF_8);
  private final byte[] billOfLading =
      ("Bill of lading for shipment " + trade.shipmentId()).getBytes(UTF_8);

  /** Every committed transaction of this trade, by transaction id: who submitted it. */
  private final Map<String, Member> submitters = new LinkedHashMap<>();

  /** The StoreOrderTerms transactions: they write private data only, so no public version. */
  private final Set<String> termsTransactions = new TreeSet<>();

  private Gateways gateways;
  private Member buyer;
  private Member buyersTreasurer;
  private Member seller;
  private Member sellersManager;
  private Member carrierAgent;
  private Member carrierSystem;
  private Member customsOfficer;
  private Member customsAuditor;
  private Member underwriter;
  private Member claimsHandler;

  @BeforeAll
  void connect(FabricNetwork network) {
    gateways = Gateways.open(network, Deadlines.standard());
    buyer = gateways.member(Organization.IMPORTER, "User1");
    buyersTreasurer = gateways.member(Organization.IMPORTER, "User2");
    seller = gateways.member(Organization.EXPORTER, "User1");
    sellersManager = gateways.member(Organization.EXPORTER, "User2");
    carrierAgent = gateways.member(Organization.CARRIER, "User1");
    carrierSystem = gateways.member(Organization.CARRIER, "User2");
    customsOfficer = gateways.member(Organization.CUSTOMS, "User1");
    customsAuditor = gateways.member(Organization.CUSTOMS, "User2");
    underwriter = gateways.member(Organization.INSURER, "User1");
    claimsHandler = gateways.member(Organization.INSURER, "User2");
  }

  @AfterAll
  void disconnect() {
    if (gateways != null) {
      gateways.close();
    }
  }

  @Test
  @Order(0)
  void every_person_signs_with_their_own_certificate() {
    assertThat(buyer.commonName()).isEqualTo("User1@importer.trade.local");
    assertThat(buyersTreasurer.commonName()).isEqualTo("User2@importer.trade.local");
    assertThat(sellersManager.commonName()).isEqualTo("User2@exporter.trade.local");
    assertThat(buyer.auditIdentity()).isNotEqualTo(buyersTreasurer.auditIdentity());
  }

  @Test
  @Order(1)
  void buyer_proposes_and_both_parties_keep_the_confidential_terms_on_their_own_peers()
      throws Exception {
    JsonNode order = journal(trade.propose(buyer)).result();
    assertThat(order.path("status").asText()).isEqualTo("PROPOSED");
    assertThat(order.path("buyerMsp").asText()).isEqualTo("ImporterMSP");
    assertThat(order.path("termsHash").asText()).isEqualTo(trade.termsHash());
    assertThat(order.path("audit").path("createdBy").path("identity").asText())
        .isEqualTo(buyer.auditIdentity());

    JsonNode buyersReceipt = journalPrivate(trade.storeTerms(buyer)).result();
    JsonNode sellersReceipt = journalPrivate(trade.storeTerms(seller)).result();
    assertThat(buyersReceipt.path("collection").asText()).isEqualTo("_implicit_org_ImporterMSP");
    assertThat(sellersReceipt.path("collection").asText()).isEqualTo("_implicit_org_ExporterMSP");
    assertThat(buyersReceipt.has("terms")).as("a receipt never carries the terms").isFalse();

    String canonical = new String(trade.canonicalTerms(), UTF_8);
    assertThat(buyer.evaluateText(Transactions.GET_ORDER_TERMS, trade.orderId()))
        .isEqualTo(canonical);
    assertThat(seller.evaluateText(Transactions.GET_ORDER_TERMS, trade.orderId()))
        .isEqualTo(canonical);
  }

  @Test
  @Order(2)
  void seller_accepts_and_the_deposit_is_paid_and_confirmed() throws Exception {
    JsonNode accepted = journal(trade.accept(sellersManager)).result();
    assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");

    JsonNode milestones = buyer.evaluate(Transactions.GET_MILESTONES, trade.orderId());
    Map<String, Long> amounts = new LinkedHashMap<>();
    for (JsonNode view : milestones) {
      amounts.put(
          view.path("milestone").path("milestoneId").asText(),
          view.path("milestone").path("amount").path("amount").asLong());
    }
    assertThat(amounts)
        .containsExactly(
            Map.entry("balance", 5_000_001L),
            Map.entry("clearance", 2_500_000L),
            Map.entry("departure", 2_500_000L),
            Map.entry("deposit", 2_500_000L));

    payAndConfirm("deposit", "SWIFT-DEP-" + trade.orderId());
  }

  @Test
  @Order(3)
  void a_booking_by_the_buyer_under_CIF_is_refused_and_changes_nothing() throws Exception {
    // Under CIF the seller contracts the main carriage (Incoterms 2020 A4): only it may book.
    JsonNode orderBefore = buyer.evaluate(Transactions.GET_ORDER, trade.orderId());

    EndorseException refused = Failures.thrownBy(EndorseException.class, () -> trade.book(buyer));

    assertThat(Failures.contractCode(refused)).contains("ACCESS_DENIED");
    assertThat(Failures.describe(refused)).contains("ACCESS_DENIED: ");
    GatewayException unknown = Failures.thrownBy(GatewayException.class, this::shipment);
    assertThat(Failures.contractCode(unknown)).contains("SHIPMENT_NOT_FOUND");
    assertThat(buyer.evaluate(Transactions.GET_ORDER, trade.orderId())).isEqualTo(orderBefore);
  }

  @Test
  @Order(4)
  void carrier_confirms_the_booking_and_the_insurer_covers_the_shipment() throws Exception {
    JsonNode booked = journal(trade.book(seller)).result();
    assertThat(booked.path("status").asText()).isEqualTo("BOOKED");
    assertThat(booked.path("carrierMsp").asText()).isEqualTo("CarrierMSP");

    JsonNode confirmed = journal(trade.confirmShipment(carrierAgent)).result();
    assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");

    JsonNode policy =
        journal(
                underwriter.submit(
                    Transactions.ISSUE_POLICY,
                    new PolicyIssue(
                        trade.policyId(),
                        trade.shipmentId(),
                        "ImporterMSP",
                        null,
                        COVER,
                        IccClause.ICC_A,
                        null,
                        Hashes.sha256("certificate " + trade.policyId()))))
            .result();
    assertThat(policy.path("insurerMsp").asText()).isEqualTo("InsurerMSP");
    assertThat(policy.path("coverAmount").path("amount").asLong()).isEqualTo(13_800_000L);
  }

  @Test
  @Order(5)
  void an_actual_event_dated_in_the_future_is_refused_and_changes_nothing() throws Exception {
    // The vessel has not sailed yet: a departure reported for two hours from now is no fact.
    EventReport early =
        trade.event(
            EventType.TRANSPORT,
            "DEPARTED",
            Trade.PORT_OF_LOADING,
            Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS));
    JsonNode shipmentBefore = shipment();

    EndorseException refused =
        Failures.thrownBy(EndorseException.class, () -> trade.record(carrierAgent, early));

    assertThat(Failures.contractCode(refused)).contains("EVENT_IN_FUTURE");
    assertThat(Failures.describe(refused)).contains("EVENT_IN_FUTURE: ");
    assertThat(shipment()).isEqualTo(shipmentBefore);
    assertThat(shipmentBefore.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(buyer.evaluate(Transactions.LIST_SHIPMENT_EVENTS, trade.shipmentId())).isEmpty();
  }

  @Test
  @Order(6)
  void carrier_reports_events_in_a_batch_and_singly_and_retracts_a_wrong_one() throws Exception {
    EventReport wrongGateIn = trade.event(EventType.EQUIPMENT, "GATED_IN", "CNSHK", trade.at(0));
    EventReport loaded = trade.event(EventType.EQUIPMENT, "LOADED", "CNYTN", trade.at(5));
    EventReport departed = trade.event(EventType.TRANSPORT, "DEPARTED", "CNYTN", trade.at(10));
    JsonNode batch =
        journal(trade.recordAll(carrierSystem, List.of(wrongGateIn, loaded, departed))).result();
    assertThat(batch).hasSize(3);
    assertThat(shipment().path("status").asText()).isEqualTo("IN_TRANSIT");
    assertThat(buyer.evaluate(Transactions.GET_ORDER, trade.orderId()).path("status").asText())
        .isEqualTo("IN_TRANSIT");

    EventReport correction =
        trade.correction(wrongGateIn, "CNYTN", "gated in at Yantian, not Shekou");
    JsonNode recorded = journal(trade.record(carrierAgent, correction)).result();
    assertThat(recorded.path("retractsEventId").asText()).isEqualTo(wrongGateIn.eventId());

    JsonNode events = buyer.evaluate(Transactions.LIST_SHIPMENT_EVENTS, trade.shipmentId());
    Map<String, Boolean> retracted = new LinkedHashMap<>();
    events.forEach(
        view ->
            retracted.put(
                view.path("event").path("eventId").asText(), view.path("retracted").asBoolean()));
    assertThat(retracted)
        .containsOnly(
            Map.entry(wrongGateIn.eventId(), true),
            Map.entry(correction.eventId(), false),
            Map.entry(loaded.eventId(), false),
            Map.entry(departed.eventId(), false));

    payAndConfirm("departure", "SWIFT-DEP2-" + trade.orderId());

    journal(
        trade.record(
            carrierAgent,
            trade.event(EventType.TRANSPORT, "ARRIVED", Trade.PORT_OF_DISCHARGE, trade.at(60))));
    assertThat(shipment().path("status").asText()).isEqualTo("ARRIVED");
  }

  @Test
  @Order(7)
  void customs_releases_the_declaration_with_assessed_duties() throws Exception {
    JsonNode filed = journal(trade.fileDeclaration(buyer)).result();
    assertThat(filed.path("status").asText()).isEqualTo("FILED");
    assertThat(filed.path("importerMsp").asText()).isEqualTo("ImporterMSP");

    JsonNode released =
        journal(customsOfficer.submit(Transactions.DECIDE_DECLARATION, trade.release(DUTIES)))
            .result();
    assertThat(released.path("status").asText()).isEqualTo("RELEASED");
    assertThat(released.path("assessedDuties").path("amount").asLong()).isEqualTo(31_250_000L);
    assertThat(released.path("assessedDuties").path("currency").asText()).isEqualTo("SEK");

    payAndConfirm("clearance", "SWIFT-CLR-" + trade.orderId());
  }

  @Test
  @Order(8)
  void delivery_then_a_claim_that_the_insurer_approves_and_settles() throws Exception {
    journal(
        trade.record(
            carrierAgent,
            trade.event(
                EventType.EQUIPMENT, "DROPPED_OFF", Trade.PORT_OF_DISCHARGE, trade.at(90))));
    assertThat(shipment().path("status").asText()).isEqualTo("DELIVERED");
    assertThat(buyer.evaluate(Transactions.GET_ORDER, trade.orderId()).path("status").asText())
        .isEqualTo("DELIVERED");

    JsonNode claim =
        journal(
                buyersTreasurer.submit(
                    Transactions.FILE_CLAIM,
                    new ClaimFiling(
                        trade.claimId(),
                        trade.policyId(),
                        CLAIMED,
                        "Two cartons crushed",
                        List.of(Hashes.sha256("photo of " + trade.claimId())))))
            .result();
    assertThat(claim.path("status").asText()).isEqualTo("FILED");
    assertThat(claim.path("claimantMsp").asText()).isEqualTo("ImporterMSP");

    journal(
        underwriter.submit(
            Transactions.DECIDE_CLAIM,
            new ClaimDecision(trade.claimId(), ClaimStatus.APPROVED, null, null)));
    JsonNode settled =
        journal(
                claimsHandler.submit(
                    Transactions.DECIDE_CLAIM,
                    new ClaimDecision(trade.claimId(), ClaimStatus.SETTLED, CLAIMED, null)))
            .result();
    assertThat(settled.path("status").asText()).isEqualTo("SETTLED");
    assertThat(settled.path("settledAmount").path("amount").asLong()).isEqualTo(250_000L);
  }

  @Test
  @Order(9)
  void documents_anchored_by_seller_and_carrier_are_verified_by_customs() throws Exception {
    JsonNode anchoredInvoice =
        journal(
                seller.submit(
                    Transactions.ANCHOR_DOCUMENT,
                    new DocumentAnchor(
                        trade.document("inv"),
                        DocumentType.COMMERCIAL_INVOICE,
                        Hashes.sha256(invoice),
                        trade.orderId(),
                        null,
                        null)))
            .result();
    assertThat(anchoredInvoice.path("issuerMsp").asText()).isEqualTo("ExporterMSP");
    journal(
        carrierSystem.submit(
            Transactions.ANCHOR_DOCUMENT,
            new DocumentAnchor(
                trade.document("bl"),
                DocumentType.BILL_OF_LADING,
                Hashes.sha256(billOfLading),
                null,
                trade.shipmentId(),
                null)));

    JsonNode verification =
        customsAuditor.evaluate(Transactions.VERIFY_DOCUMENT, Hashes.sha256(invoice));
    assertThat(verification.path("anchored").asBoolean()).isTrue();
    assertThat(verification.path("documents")).hasSize(1);
    JsonNode anchoring = verification.path("documents").get(0);
    assertThat(anchoring.path("documentId").asText()).isEqualTo(trade.document("inv"));
    assertThat(anchoring.path("issuerMsp").asText()).isEqualTo("ExporterMSP");
    assertThat(anchoring.path("superseded").asBoolean()).isFalse();

    byte[] forged = ("Forged " + new String(invoice, UTF_8)).getBytes(UTF_8);
    JsonNode unknown = customsAuditor.evaluate(Transactions.VERIFY_DOCUMENT, Hashes.sha256(forged));
    assertThat(unknown.path("anchored").asBoolean()).isFalse();

    JsonNode listed = buyer.evaluate(Transactions.LIST_DOCUMENTS, trade.orderId());
    assertThat(listed)
        .extracting(view -> view.path("document").path("documentId").asText())
        .containsExactlyInAnyOrder(trade.document("inv"), trade.document("bl"));
  }

  @Test
  @Order(10)
  void the_last_confirmed_payment_completes_the_delivered_order() throws Exception {
    payAndConfirm("balance", "SWIFT-BAL-" + trade.orderId());

    JsonNode order = customsAuditor.evaluate(Transactions.GET_ORDER, trade.orderId());
    assertThat(order.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(order.path("audit").path("updatedBy").path("identity").asText())
        .isEqualTo(sellersManager.auditIdentity());
    JsonNode milestones = buyer.evaluate(Transactions.GET_MILESTONES, trade.orderId());
    assertThat(milestones)
        .extracting(view -> view.path("milestone").path("status").asText())
        .containsOnly("CONFIRMED")
        .hasSize(4);
  }

  @Test
  @Order(11)
  void timeline_read_by_customs_names_the_person_behind_every_version() throws Exception {
    JsonNode timeline = customsAuditor.evaluate(Transactions.GET_TIMELINE, trade.orderId());

    assertThat(timeline).isNotEmpty();
    Set<String> transactions = new TreeSet<>();
    Set<String> people = new TreeSet<>();
    String previous = "";
    for (JsonNode entry : timeline) {
      String transactionId = entry.path("txId").asText();
      Member submitter = submitters.get(transactionId);
      assertThat(submitter)
          .as("transaction %s in the timeline was submitted by this test", transactionId)
          .isNotNull();
      assertThat(entry.path("submitter").path("mspId").asText()).isEqualTo(submitter.mspId());
      assertThat(entry.path("submitter").path("identity").asText())
          .as("%s %s", entry.path("recordType").asText(), entry.path("recordId").asText())
          .isEqualTo(submitter.auditIdentity())
          .startsWith("x509::CN=" + submitter.commonName() + ",");
      assertThat(entry.path("timestamp").asText()).isGreaterThanOrEqualTo(previous);
      previous = entry.path("timestamp").asText();
      transactions.add(transactionId);
      people.add(submitter.toString());
    }
    // Only the terms, which are private, leave no public version behind.
    Set<String> publicWrites = new TreeSet<>(submitters.keySet());
    publicWrites.removeAll(termsTransactions);
    assertThat(transactions).isEqualTo(publicWrites);
    assertThat(people)
        .containsExactlyInAnyOrder(
            "User1@ImporterMSP",
            "User2@ImporterMSP",
            "User1@ExporterMSP",
            "User2@ExporterMSP",
            "User1@CarrierMSP",
            "User2@CarrierMSP",
            "User1@CustomsMSP",
            "User1@InsurerMSP",
            "User2@InsurerMSP");
  }

  @Test
  @Order(12)
  void histories_read_by_the_carrier_list_every_version_with_its_submitter() throws Exception {
    JsonNode orderHistory =
        carrierAgent.evaluate(
            Transactions.GET_HISTORY, new HistoryRequest(RecordType.ORDER, trade.orderId(), null));
    assertThat(orderHistory)
        .extracting(version -> version.path("value").path("status").asText())
        .containsExactly("COMPLETED", "ACCEPTED", "PROPOSED");
    assertThat(orderHistory)
        .extracting(version -> version.path("submitter").path("identity").asText())
        .containsExactly(
            sellersManager.auditIdentity(), sellersManager.auditIdentity(), buyer.auditIdentity());

    JsonNode balanceHistory =
        carrierAgent.evaluate(
            Transactions.GET_HISTORY,
            new HistoryRequest(RecordType.MILESTONE, "balance", trade.orderId()));
    assertThat(balanceHistory)
        .extracting(version -> version.path("value").path("status").asText())
        .containsExactly("CONFIRMED", "PAID", "PENDING");
    assertThat(balanceHistory)
        .extracting(version -> version.path("submitter").path("identity").asText())
        .containsExactly(
            sellersManager.auditIdentity(), buyersTreasurer.auditIdentity(), buyer.auditIdentity());

    JsonNode shipmentHistory =
        carrierAgent.evaluate(
            Transactions.GET_HISTORY,
            new HistoryRequest(RecordType.SHIPMENT, trade.shipmentId(), null));
    List<String> statuses = new ArrayList<>();
    for (JsonNode version : shipmentHistory) {
      statuses.add(version.path("value").path("status").asText());
      Member submitter = submitters.get(version.path("txId").asText());
      assertThat(version.path("submitter").path("identity").asText())
          .isEqualTo(submitter.auditIdentity());
    }
    assertThat(statuses)
        .containsExactly("DELIVERED", "ARRIVED", "IN_TRANSIT", "IN_TRANSIT", "CONFIRMED", "BOOKED");

    JsonNode claimHistory =
        customsAuditor.evaluate(
            Transactions.GET_HISTORY, new HistoryRequest(RecordType.CLAIM, trade.claimId(), null));
    assertThat(
            StreamSupport.stream(claimHistory.spliterator(), false)
                .map(version -> version.path("submitter").path("identity").asText())
                .toList())
        .containsExactly(
            claimsHandler.auditIdentity(),
            underwriter.auditIdentity(),
            buyersTreasurer.auditIdentity());
  }

  private Submitted journal(Submitted submitted) {
    submitters.put(submitted.transactionId(), submitted.submitter());
    return submitted;
  }

  /** A transaction that wrote private data only: no public version will name it. */
  private Submitted journalPrivate(Submitted submitted) {
    termsTransactions.add(submitted.transactionId());
    return journal(submitted);
  }

  private JsonNode shipment() throws Exception {
    return carrierAgent.evaluate(Transactions.GET_SHIPMENT, trade.shipmentId());
  }

  /** The buyer's treasurer records the payment; the seller's manager confirms it. */
  private void payAndConfirm(String milestoneId, String reference) throws Exception {
    JsonNode paid =
        journal(
                buyersTreasurer.submit(
                    Transactions.RECORD_PAYMENT,
                    new Payment(trade.orderId(), milestoneId, reference)))
            .result();
    assertThat(paid.path("status").asText()).isEqualTo("PAID");
    assertThat(paid.path("paymentReference").asText()).isEqualTo(reference);
    JsonNode confirmed =
        journal(
                sellersManager.submit(
                    Transactions.CONFIRM_PAYMENT,
                    new MilestoneReference(trade.orderId(), milestoneId)))
            .result();
    assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(confirmed.path("audit").path("updatedBy").path("identity").asText())
        .isEqualTo(sellersManager.auditIdentity());
  }
}
