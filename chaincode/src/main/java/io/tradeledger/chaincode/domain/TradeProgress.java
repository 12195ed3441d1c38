package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.DeclarationStatus;
import io.tradeledger.contract.MilestoneTrigger;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderStatus;
import io.tradeledger.contract.ShipmentLine;
import io.tradeledger.contract.ShipmentStatus;
import io.tradeledger.contract.errors.ErrorCode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Status that depends on other parties' records, derived when read rather than written across
 * endorsement policies: an order is IN_TRANSIT, ARRIVED or DELIVERED because its shipments say so,
 * and a milestone is due because its trigger is on the ledger. Shipments may split an order: a
 * stage counts for the order only once the shipments that reached it cover every ordered quantity.
 */
public final class TradeProgress {
  private final Order order;
  private final Supplier<List<Shipment>> loadShipments;
  private final Function<String, List<CustomsDeclaration>> loadDeclarations;
  private List<Shipment> shipments;
  private final Map<String, List<CustomsDeclaration>> declarationsByShipment = new HashMap<>();

  /**
   * @param declarationsByShipment each shipment's customs declarations, by shipment id
   */
  public TradeProgress(
      Order order,
      List<Shipment> shipments,
      Map<String, List<CustomsDeclaration>> declarationsByShipment) {
    this(order, () -> List.copyOf(shipments), Map.copyOf(declarationsByShipment)::get);
  }

  /**
   * Progress read from the ledger as far as an answer needs it, each part once: an order that is
   * not ACCEPTED needs no shipment, and only customs release needs declarations. A read is a round
   * trip to the peer, and a range scan in a submitted transaction is repeated at validation.
   *
   * @param shipments the order's shipments, in shipment id order
   * @param declarations a shipment's customs declarations by its id (null or empty for none)
   */
  public TradeProgress(
      Order order,
      Supplier<List<Shipment>> shipments,
      Function<String, List<CustomsDeclaration>> declarations) {
    this.order = Objects.requireNonNull(order, "order");
    this.loadShipments = Objects.requireNonNull(shipments, "shipments");
    this.loadDeclarations = Objects.requireNonNull(declarations, "declarations");
  }

  private List<Shipment> shipments() {
    if (shipments == null) {
      shipments = List.copyOf(loadShipments.get());
    }
    return shipments;
  }

  private List<CustomsDeclaration> declarations(String shipmentId) {
    return declarationsByShipment.computeIfAbsent(
        shipmentId,
        id -> {
          List<CustomsDeclaration> loaded = loadDeclarations.apply(id);
          return loaded == null ? List.of() : List.copyOf(loaded);
        });
  }

  /**
   * Refuses a new shipment that would take the order's shipments past an ordered quantity.
   *
   * @throws io.tradeledger.chaincode.errors.LedgerException SHIPMENT_QUANTITY_EXCEEDS_ORDER
   */
  public static void requireWithinOrder(Order order, List<Shipment> booked, Shipment added) {
    for (ShipmentLine line : added.lines()) {
      long ordered = order.lines().get(line.line() - 1).quantity();
      long before = booked.stream().mapToLong(shipment -> shipment.quantityOf(line.line())).sum();
      if (before + line.quantity() > ordered) {
        throw ErrorCode.SHIPMENT_QUANTITY_EXCEEDS_ORDER.exception(
            "order %s line %d: %d ordered, %d already booked, shipment %s adds %d",
            order.orderId(), line.line(), ordered, before, added.shipmentId(), line.quantity());
      }
    }
  }

  /**
   * The order's status as read: an ACCEPTED order is DELIVERED, ARRIVED or IN_TRANSIT once the
   * shipments that reached that stage cover every ordered quantity; otherwise it stays ACCEPTED.
   */
  public OrderStatus orderStatus() {
    if (order.status() != OrderStatus.ACCEPTED) {
      return order.status();
    }
    if (delivered()) {
      return OrderStatus.DELIVERED;
    }
    if (covered(shipment -> shipment.status().atLeast(ShipmentStatus.ARRIVED))) {
      return OrderStatus.ARRIVED;
    }
    if (covered(shipment -> shipment.status().atLeast(ShipmentStatus.IN_TRANSIT))) {
      return OrderStatus.IN_TRANSIT;
    }
    return OrderStatus.ACCEPTED;
  }

  /** Whether the DELIVERED shipments cover every ordered quantity. */
  public boolean delivered() {
    return covered(shipment -> shipment.status() == ShipmentStatus.DELIVERED);
  }

  /**
   * When a trigger happened for the whole order: acceptance at the order's acceptance; departure,
   * arrival, customs release and delivery once the shipments that reached it (a RELEASED
   * declaration, for customs release) cover every ordered quantity, at the latest of their times.
   */
  public Optional<Instant> triggeredAt(MilestoneTrigger trigger) {
    if (trigger == MilestoneTrigger.ACCEPTANCE) {
      return Optional.ofNullable(order.acceptedAt());
    }
    Function<Shipment, Instant> time = time(trigger);
    List<Shipment> reached = reached(time);
    if (!covered(reached::contains)) {
      return Optional.empty();
    }
    return reached.stream().map(time).max(Comparator.naturalOrder());
  }

  /**
   * When a milestone's trigger happened: for the whole order as {@link #triggeredAt(
   * MilestoneTrigger)}; for a milestone that falls due pro rata, when the first shipment reached
   * it.
   */
  public Optional<Instant> triggeredAt(Milestone milestone) {
    if (!proRata(milestone)) {
      return triggeredAt(milestone.trigger());
    }
    return reached(time(milestone.trigger())).stream()
        .map(time(milestone.trigger()))
        .min(Comparator.naturalOrder());
  }

  /**
   * The day a milestone falls due, once triggered: its days after the date of the triggering event.
   * For departure, arrival and delivery that is the event's own eventDateTime as the carrier
   * reported it (DCSA), the latest over the shipments that reached the stage (the earliest for a
   * milestone that falls due pro rata), not the day it was recorded; for acceptance and customs
   * release, which happen on the ledger, the transaction's. Dates are taken in UTC.
   */
  public Optional<LocalDate> dueDate(Milestone milestone) {
    Optional<Instant> triggered = triggeredAt(milestone);
    if (triggered.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> eventTime =
        switch (milestone.trigger()) {
          case DEPARTURE ->
              eventTime(milestone, s -> eventTimeOr(s.departedEventDateTime(), s.departedAt()));
          case ARRIVAL ->
              eventTime(milestone, s -> eventTimeOr(s.arrivedEventDateTime(), s.arrivedAt()));
          case DELIVERY ->
              eventTime(milestone, s -> eventTimeOr(s.deliveredEventDateTime(), s.deliveredAt()));
          case ACCEPTANCE, CUSTOMS_RELEASE -> triggered;
        };
    return eventTime.map(
        at -> LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(milestone.daysDue()));
  }

  /**
   * The carrier-reported time of a triggered milestone's event over the shipments that reached it:
   * the latest (the order is covered when the last of them got there), or for a milestone that
   * falls due pro rata the earliest (it falls due with the first shipment), as {@link
   * #triggeredAt(Milestone)}.
   */
  private Optional<Instant> eventTime(Milestone milestone, Function<Shipment, Instant> eventTime) {
    List<Shipment> reached = reached(time(milestone.trigger()));
    Comparator<Instant> order = Comparator.naturalOrder();
    return proRata(milestone)
        ? reached.stream().map(eventTime).min(order)
        : reached.stream().map(eventTime).max(order);
  }

  /** A shipment stored before event times were kept falls back to its recording time. */
  private static Instant eventTimeOr(Instant eventDateTime, Instant recordedAt) {
    return eventDateTime != null ? eventDateTime : recordedAt;
  }

  /**
   * How much of a milestone is due: all of it once triggered, nothing before. A milestone that
   * falls due pro rata is due in the share of the order its triggering shipments moved (each line
   * weighing equally, the share of a line being the quantity moved over the quantity ordered),
   * rounded down to the minor unit, and in full once they cover the order.
   */
  public Money dueAmount(Milestone milestone) {
    if (triggeredAt(milestone.trigger()).isPresent()) {
      return milestone.amount();
    }
    if (!proRata(milestone)) {
      return new Money(0, milestone.amount().currency());
    }
    List<Shipment> reached = reached(time(milestone.trigger()));
    BigInteger numerator = BigInteger.ZERO;
    BigInteger denominator = BigInteger.ONE;
    for (int line = 1; line <= order.lines().size(); line++) {
      BigInteger ordered = BigInteger.valueOf(order.lines().get(line - 1).quantity());
      BigInteger moved = BigInteger.valueOf(shipped(reached, line)).min(ordered);
      numerator = numerator.multiply(ordered).add(moved.multiply(denominator));
      denominator = denominator.multiply(ordered);
    }
    long due =
        BigInteger.valueOf(milestone.amount().amount())
            .multiply(numerator)
            .divide(denominator.multiply(BigInteger.valueOf(order.lines().size())))
            .longValueExact();
    return new Money(due, milestone.amount().currency());
  }

  private boolean proRata(Milestone milestone) {
    return order.milestones().stream()
        .anyMatch(
            terms ->
                terms.milestoneId().equals(milestone.milestoneId())
                    && Boolean.TRUE.equals(terms.proRata()));
  }

  private Function<Shipment, Instant> time(MilestoneTrigger trigger) {
    return switch (trigger) {
      case ACCEPTANCE -> shipment -> order.acceptedAt();
      case DEPARTURE -> Shipment::departedAt;
      case ARRIVAL -> Shipment::arrivedAt;
      case DELIVERY -> Shipment::deliveredAt;
      case CUSTOMS_RELEASE -> this::firstRelease;
    };
  }

  private List<Shipment> reached(Function<Shipment, Instant> time) {
    return shipments().stream().filter(shipment -> time.apply(shipment) != null).toList();
  }

  /** Whether the shipments matching {@code stage} move at least every ordered quantity. */
  private boolean covered(Predicate<Shipment> stage) {
    List<Shipment> reached = shipments().stream().filter(stage).toList();
    if (reached.isEmpty()) {
      return false;
    }
    for (int line = 1; line <= order.lines().size(); line++) {
      if (shipped(reached, line) < order.lines().get(line - 1).quantity()) {
        return false;
      }
    }
    return true;
  }

  private static long shipped(List<Shipment> shipments, int line) {
    return shipments.stream().mapToLong(shipment -> shipment.quantityOf(line)).sum();
  }

  private Instant firstRelease(Shipment shipment) {
    return declarations(shipment.shipmentId()).stream()
        .filter(declaration -> declaration.status() == DeclarationStatus.RELEASED)
        .map(CustomsDeclaration::decidedAt)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
