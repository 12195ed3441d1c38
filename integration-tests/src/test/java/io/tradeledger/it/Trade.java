package io.tradeledger.it;

import io.tradeledger.it.Member.Submitted;
import io.tradeledger.it.Requests.Booking;
import io.tradeledger.it.Requests.Charge;
import io.tradeledger.it.Requests.ConfidentialTerms;
import io.tradeledger.it.Requests.CustomsDecision;
import io.tradeledger.it.Requests.DeclarationFiling;
import io.tradeledger.it.Requests.EventBatch;
import io.tradeledger.it.Requests.EventReport;
import io.tradeledger.it.Requests.LinePrice;
import io.tradeledger.it.Requests.MilestoneTerms;
import io.tradeledger.it.Requests.Money;
import io.tradeledger.it.Requests.OrderLine;
import io.tradeledger.it.Requests.OrderProposal;
import io.tradeledger.it.Requests.ShipmentLine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
    String suffix = label + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
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
        "CIF",
        PORT_OF_DISCHARGE,
        "CNSZX",
        PORT_OF_DISCHARGE,
        today.plusDays(180).toString(),
        TOTAL,
        terms.sha256(),
        List.of(
            new MilestoneTerms("deposit", 2000, "ACCEPTANCE", 30),
            new MilestoneTerms("departure", 2000, "DEPARTURE", 10),
            new MilestoneTerms("clearance", 2000, "CUSTOMS_RELEASE", 10),
            new MilestoneTerms("balance", 4000, "DELIVERY", 10)));
  }

  public Booking booking() {
    return new Booking(
        shipmentId,
        orderId,
        Organization.CARRIER.mspId(),
        "SEA",
        "MAEU" + Math.abs(orderId.hashCode()),
        List.of(CONTAINER),
        PORT_OF_LOADING,
        PORT_OF_DISCHARGE,
        today.plusDays(30).toString(),
        today.plusDays(70).toString(),
        List.of(new ShipmentLine(1, QUANTITY)));
  }

  /**
   * An ACTUAL event of this trade's shipment with a fresh id; EQUIPMENT events name the container.
   */
  public EventReport event(String type, String code, String location, Instant at) {
    return new EventReport(
        UUID.randomUUID().toString(),
        shipmentId,
        type,
        code,
        "ACTUAL",
        location,
        at.toString(),
        "EQUIPMENT".equals(type) ? CONTAINER : null,
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
        remarks);
  }

  public DeclarationFiling declaration() {
    return new DeclarationFiling(
        declarationId, shipmentId, Organization.CUSTOMS.mspId(), TOTAL, List.of("851712"));
  }

  public CustomsDecision release(Money duties) {
    return new CustomsDecision(declarationId, "RELEASED", duties, null);
  }

  // Steps, one transaction each.

  public Submitted propose(Member buyer) throws Exception {
    return buyer.submit("orders:ProposeOrder", Json.write(proposal()));
  }

  /** Stores the member's copy of the terms: transient data, endorsed by its own peer only. */
  public Submitted storeTerms(Member party) throws Exception {
    return party.submit(
        party
            .proposal("orders:StoreOrderTerms")
            .addArguments(orderId)
            .putTransient("terms", terms.canonical())
            .setEndorsingOrganizations(party.mspId())
            .build());
  }

  public Submitted accept(Member seller) throws Exception {
    return seller.submit("orders:AcceptOrder", orderId);
  }

  /** Books the shipment; under CIF the seller contracts the main carriage, so only it may. */
  public Submitted book(Member seller) throws Exception {
    return seller.submit("shipments:BookShipment", Json.write(booking()));
  }

  public Submitted confirmShipment(Member carrier) throws Exception {
    return carrier.submit("shipments:ConfirmShipment", shipmentId);
  }

  public Submitted record(Member carrier, EventReport event) throws Exception {
    return carrier.submit("shipments:RecordShipmentEvent", Json.write(event));
  }

  public Submitted recordAll(Member carrier, List<EventReport> events) throws Exception {
    return carrier.submit(
        "shipments:RecordShipmentEvents", Json.write(new EventBatch(shipmentId, events)));
  }

  public Submitted fileDeclaration(Member importer) throws Exception {
    return importer.submit("customs:FileDeclaration", Json.write(declaration()));
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
