package io.tradeledger.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeledger.contract.Booking;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.ConfidentialTerms.Charge;
import io.tradeledger.contract.ConfidentialTerms.LinePrice;
import io.tradeledger.contract.CustomsDecision;
import io.tradeledger.contract.DeclarationFiling;
import io.tradeledger.contract.DeclarationStatus;
import io.tradeledger.contract.EventBatch;
import io.tradeledger.contract.EventClassifier;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.Incoterm;
import io.tradeledger.contract.MilestoneTerms;
import io.tradeledger.contract.MilestoneTrigger;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderLine;
import io.tradeledger.contract.OrderProposal;
import io.tradeledger.contract.ShipmentLine;
import io.tradeledger.contract.TransportMode;
import io.tradeledger.contract.transactions.Transactions;
import io.tradeledger.it.Member.Submitted;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One trade between the consortium's importer (buyer) and exporter (seller), with ids unique to
 * this test run: the ledger survives between runs, and a repeated id would be an idempotent no-op
 * or a conflict instead of a new record. Each step is one transaction, submitted by the member
 * given, so tests choose which person of which organization does what.
 *
 * <p>The order is a CIF Gothenburg (SEGOT) sale of 500 phones, 125,000.01 EUR, paid in four
 * milestones whose amounts the contract derives (20% at acceptance, departure and customs release,
 * the remainder at delivery). Its terms add up as the contract requires: 500 at 250.00 EUR less a
 * 2.5% discount, plus the freight and insurance the seller itemises under CIF.
 *
 * <p>Dates follow the real clock, which is the transaction time on a real network: the requested
 * delivery date and the planned voyage lie ahead (a date in the past is DATE_IN_PAST), while the
 * carrier's ACTUAL events happened in the two hours before the trade was created (an ACTUAL event
 * later than the transaction time is EVENT_IN_FUTURE), {@link #at(int) minutes apart} in stage
 * order.
 */
public final class Trade {
  /** One container on every shipment: a valid ISO 6346 number. */
  public static final String CONTAINER = "CSQU3054383";

  public static final Money TOTAL = new Money(12_500_001, "EUR");
  public static final String PORT_OF_LOADING = "CNYTN";
  public static final String PORT_OF_DISCHARGE = "SEGOT";

  /** Ordered quantity of the one order line; every shipment of these tests moves all of it. */
  public static final long QUANTITY = 500;

  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final String orderId;
  private final String shipmentId;
  private final String declarationId;
  private final String policyId;
  private final String claimId;
  private final ConfidentialTerms terms;
  private final Instant eventsStart;
  private final LocalDate today;

  private Trade(String label) {
    String suffix = unique(label);
    this.orderId = "o-" + suffix;
    this.shipmentId = "s-" + suffix;
    this.declarationId = "d-" + suffix;
    this.policyId = "p-" + suffix;
    this.claimId = "c-" + suffix;
    this.terms =
        new ConfidentialTerms(
            UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", ""),
            List.of(new LinePrice(1, new Money(25_000, "EUR"))),
            250,
            // 12,500,000 less 2.5% (312,500) plus these 312,501 cents is TOTAL.
            List.of(
                new Charge("Ocean freight CNYTN-SEGOT", new Money(250_000, "EUR")),
                new Charge("Marine cargo insurance ICC (A) 110%", new Money(62_501, "EUR"))),
            List.of("Seller warrants 24 months"));
    // Fixed once, so that a repeated request of this trade is the same request.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    this.eventsStart = now.minus(Duration.ofHours(2));
    this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /**
   * An id part unique to this run and call, {@code <label>-<run>-<n>}: the ledger keeps what
   * earlier runs wrote.
   */
  public static String unique(String label) {
    return label + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  /** A new trade; {@code label} makes its ids recognizable in the ledger. */
  public static Trade fresh(String label) {
    return new Trade(label);
  }

  public String orderId() {
    return orderId;
  }

  public String shipmentId() {
    return shipmentId;
  }

  public String declarationId() {
    return declarationId;
  }

  public String policyId() {
    return policyId;
  }

  public String claimId() {
    return claimId;
  }

  public ConfidentialTerms terms() {
    return terms;
  }

  /** The terms' canonical bytes: what each party stores, and what GetOrderTerms answers. */
  public byte[] canonicalTerms() {
    return Json.canonical(terms);
  }

  /** The SHA-256 of the canonical terms: the order's termsHash. */
  public String termsHash() {
    return Hashes.sha256(canonicalTerms());
  }

  /**
   * A moment {@code minutes} after this trade's first event: its ACTUAL events are dated with it,
   * later stages at more minutes. Up to 120 minutes is before the trade was created, so never in
   * the future of the transaction that records it.
   */
  public Instant at(int minutes) {
    if (minutes < 0 || minutes > 120) {
      throw new IllegalArgumentException("events happen 0 to 120 minutes after the first");
    }
    return eventsStart.plus(Duration.ofMinutes(minutes));
  }

  /** The id of a trade document of this trade, e.g. {@code document("inv")}. */
  public String document(String kind) {
    return kind + "-" + orderId.substring(2);
  }

  public OrderProposal proposal() {
    return new OrderProposal(
        orderId,
        Organization.EXPORTER.mspId(),
        List.of(new OrderLine("851712", "Mobile phones", QUANTITY, "H87")),
        Incoterm.CIF,
        PORT_OF_DISCHARGE,
        null,
        "CNSZX",
        PORT_OF_DISCHARGE,
        today.plusDays(180),
        TOTAL,
        termsHash(),
        List.of(
            new MilestoneTerms("deposit", 2000, MilestoneTrigger.ACCEPTANCE, 30, null),
            new MilestoneTerms("departure", 2000, MilestoneTrigger.DEPARTURE, 10, null),
            new MilestoneTerms("clearance", 2000, MilestoneTrigger.CUSTOMS_RELEASE, 10, null),
            new MilestoneTerms("balance", 4000, MilestoneTrigger.DELIVERY, 10, null)));
  }

  /**
   * The proposal as client-api's {@code POST /orders} takes it: the public order without its
   * termsHash (the API computes it) and the terms without a salt (the API derives it).
   */
  public String apiProposal() {
    ObjectNode body = (ObjectNode) Json.read(Json.write(proposal()));
    body.remove("termsHash");
    ObjectNode unsalted = (ObjectNode) Json.read(Json.write(terms));
    unsalted.remove("salt");
    body.set("terms", unsalted);
    return body.toString();
  }

  public Booking booking() {
    return booking(List.of(CONTAINER));
  }

  /** The booking of the whole order in one shipment of these containers. */
  public Booking booking(List<String> containers) {
    return new Booking(
        shipmentId,
        orderId,
        Organization.CARRIER.mspId(),
        TransportMode.SEA,
        "MAEU" + Math.abs(orderId.hashCode()),
        containers,
        PORT_OF_LOADING,
        PORT_OF_DISCHARGE,
        today.plusDays(30),
        today.plusDays(70),
        List.of(new ShipmentLine(1, QUANTITY)));
  }

  /**
   * The valid ISO 6346 number of container {@code serial} (0 to 999,999) of owner CSQU: the check
   * digit is the one contract-api's own check accepts.
   */
  public static String container(int serial) {
    String firstTen = String.format(Locale.ROOT, "CSQU%06d", serial);
    for (int digit = 0; digit <= 9; digit++) {
      try {
        return Checks.container("container", firstTen + digit);
      } catch (RuntimeException wrongDigit) {
        // the next digit
      }
    }
    throw new IllegalArgumentException("no check digit for " + firstTen);
  }

  /**
   * An ACTUAL event of this trade's shipment with a fresh id; EQUIPMENT events name the container.
   */
  public EventReport event(EventType type, String code, String location, Instant at) {
    return event(type, code, location, at, CONTAINER);
  }

  /** An ACTUAL event of this trade's shipment with a fresh id, naming {@code container}. */
  public EventReport event(
      EventType type, String code, String location, Instant at, String container) {
    return new EventReport(
        UUID.randomUUID().toString(),
        shipmentId,
        type,
        code,
        EventClassifier.ACTUAL,
        location,
        at,
        type == EventType.EQUIPMENT ? container : null,
        null,
        null,
        null);
  }

  /**
   * The correction of a wrong event: the same event at the right location, naming the wrong one as
   * the event it retracts (events are append-only).
   */
  public EventReport correction(EventReport wrong, String location, String remarks) {
    return new EventReport(
        UUID.randomUUID().toString(),
        shipmentId,
        wrong.eventType(),
        wrong.eventCode(),
        wrong.eventClassifier(),
        location,
        wrong.eventDateTime(),
        wrong.equipmentReference(),
        wrong.eventId(),
        remarks,
        wrong.emptyIndicatorCode());
  }

  public DeclarationFiling declaration() {
    return new DeclarationFiling(
        declarationId, shipmentId, Organization.CUSTOMS.mspId(), TOTAL, List.of("851712"));
  }

  public CustomsDecision release(Money duties) {
    return new CustomsDecision(declarationId, DeclarationStatus.RELEASED, duties, null);
  }

  // Steps, one transaction each.

  public Submitted propose(Member buyer) throws Exception {
    return buyer.submit(Transactions.PROPOSE_ORDER, proposal());
  }

  /** Stores the member's copy of the terms: transient data, endorsed by its own peer only. */
  public Submitted storeTerms(Member party) throws Exception {
    return party.submit(
        party
            .proposal(Transactions.STORE_ORDER_TERMS, orderId)
            .putTransient(ConfidentialTerms.TRANSIENT_KEY, canonicalTerms())
            .setEndorsingOrganizations(party.mspId())
            .build());
  }

  public Submitted accept(Member seller) throws Exception {
    return seller.submit(Transactions.ACCEPT_ORDER, orderId);
  }

  /** Books the shipment; under CIF the seller contracts the main carriage, so only it may. */
  public Submitted book(Member seller) throws Exception {
    return seller.submit(Transactions.BOOK_SHIPMENT, booking());
  }

  public Submitted confirmShipment(Member carrier) throws Exception {
    return carrier.submit(Transactions.CONFIRM_SHIPMENT, shipmentId);
  }

  public Submitted record(Member carrier, EventReport event) throws Exception {
    return carrier.submit(Transactions.RECORD_SHIPMENT_EVENT, event);
  }

  public Submitted recordAll(Member carrier, List<EventReport> events) throws Exception {
    return carrier.submit(Transactions.RECORD_SHIPMENT_EVENTS, new EventBatch(shipmentId, events));
  }

  public Submitted fileDeclaration(Member importer) throws Exception {
    return importer.submit(Transactions.FILE_DECLARATION, declaration());
  }

  /** Proposes, stores both parties' terms and accepts: the order is ACCEPTED. */
  public void proposeAndAccept(Member buyer, Member seller) throws Exception {
    propose(buyer);
    storeTerms(buyer);
    storeTerms(seller);
    accept(seller);
  }

  /** Books the shipment and has the carrier confirm it: events may be recorded. */
  public void bookAndConfirm(Member seller, Member carrier) throws Exception {
    book(seller);
    confirmShipment(carrier);
  }
}
