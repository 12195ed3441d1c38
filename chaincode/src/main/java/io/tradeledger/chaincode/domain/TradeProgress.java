package io.tradeledger.chaincode.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Status that depends on other parties' records, derived when read rather than written across
 * endorsement policies: an order is IN_TRANSIT or DELIVERED because its shipments say so, and a
 * milestone is due because its trigger is on the ledger.
 */
public final class TradeProgress {
  private final Order order;
  private final List<Shipment> shipments;
  private final Map<String, List<CustomsDeclaration>> declarationsByShipment;

  /**
   * @param declarationsByShipment each shipment's customs declarations, by shipment id
   */
  public TradeProgress(
      Order order,
      List<Shipment> shipments,
      Map<String, List<CustomsDeclaration>> declarationsByShipment) {
    this.order = Objects.requireNonNull(order, "order");
    this.shipments = List.copyOf(shipments);
    this.declarationsByShipment = Map.copyOf(declarationsByShipment);
  }

  /**
   * The order's status as read: an ACCEPTED order with every one of its (at least one) shipments
   * DELIVERED is DELIVERED; with any shipment IN_TRANSIT or beyond it is IN_TRANSIT.
   */
  public OrderStatus orderStatus() {
    if (order.status() != OrderStatus.ACCEPTED || shipments.isEmpty()) {
      return order.status();
    }
    if (shipments.stream().allMatch(s -> s.status() == ShipmentStatus.DELIVERED)) {
      return OrderStatus.DELIVERED;
    }
    if (shipments.stream().anyMatch(s -> s.status().atLeast(ShipmentStatus.IN_TRANSIT))) {
      return OrderStatus.IN_TRANSIT;
    }
    return OrderStatus.ACCEPTED;
  }

  /** Whether every shipment (at least one) is DELIVERED. */
  public boolean delivered() {
    return !shipments.isEmpty()
        && shipments.stream().allMatch(s -> s.status() == ShipmentStatus.DELIVERED);
  }

  /**
   * When a trigger happened: acceptance at the order's acceptance; departure, arrival and delivery
   * once every shipment reached it (at the latest shipment's time); customs release once every
   * shipment has a RELEASED declaration (at the latest first release).
   */
  public Optional<Instant> triggeredAt(MilestoneTrigger trigger) {
    return switch (trigger) {
      case ACCEPTANCE -> Optional.ofNullable(order.acceptedAt());
      case DEPARTURE -> everyShipment(Shipment::departedAt);
      case ARRIVAL -> everyShipment(Shipment::arrivedAt);
      case DELIVERY -> everyShipment(Shipment::deliveredAt);
      case CUSTOMS_RELEASE -> everyShipment(this::firstRelease);
    };
  }

  /**
   * The day a milestone falls due, once triggered: its days after the date of the triggering event.
   * For departure, arrival and delivery that is the event's own eventDateTime as the carrier
   * reported it (DCSA), the latest over the shipments, not the day it was recorded; for acceptance
   * and customs release, which happen on the ledger, the transaction's. Dates are taken in UTC.
   */
  public Optional<LocalDate> dueDate(Milestone milestone) {
    if (triggeredAt(milestone.trigger()).isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> eventTime =
        switch (milestone.trigger()) {
          case DEPARTURE ->
              everyShipment(s -> eventTimeOr(s.departedEventDateTime(), s.departedAt()));
          case ARRIVAL -> everyShipment(s -> eventTimeOr(s.arrivedEventDateTime(), s.arrivedAt()));
          case DELIVERY ->
              everyShipment(s -> eventTimeOr(s.deliveredEventDateTime(), s.deliveredAt()));
          case ACCEPTANCE, CUSTOMS_RELEASE -> triggeredAt(milestone.trigger());
        };
    return eventTime.map(
        at -> LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(milestone.daysDue()));
  }

  /** A shipment stored before event times were kept falls back to its recording time. */
  private static Instant eventTimeOr(Instant eventDateTime, Instant recordedAt) {
    return eventDateTime != null ? eventDateTime : recordedAt;
  }

  private Optional<Instant> everyShipment(Function<Shipment, Instant> time) {
    if (shipments.isEmpty() || shipments.stream().map(time).anyMatch(Objects::isNull)) {
      return Optional.empty();
    }
    return shipments.stream().map(time).max(Comparator.naturalOrder());
  }

  private Instant firstRelease(Shipment shipment) {
    return declarationsByShipment.getOrDefault(shipment.shipmentId(), List.of()).stream()
        .filter(declaration -> declaration.status() == DeclarationStatus.RELEASED)
        .map(CustomsDeclaration::decidedAt)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
