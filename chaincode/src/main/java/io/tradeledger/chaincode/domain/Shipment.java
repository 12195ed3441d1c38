package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Booking;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.ShipmentLine;
import io.tradeledger.contract.ShipmentStatus;
import io.tradeledger.contract.TransportMode;
import io.tradeledger.contract.errors.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A shipment of an accepted order from the seller (shipper) to the buyer (consignee), booked on a
 * carrier by the party contracting the main carriage; the carrier alone may change it afterwards.
 * {@code departedAt}, {@code arrivedAt} and {@code deliveredAt} are the transaction times at which
 * the carrier's ACTUAL events moved it to IN_TRANSIT, ARRIVED and DELIVERED (null until then, or
 * again after a retraction); {@code departedEventDateTime}, {@code arrivedEventDateTime} and {@code
 * deliveredEventDateTime} are the eventDateTime the carrier reported for those same events (DCSA),
 * from which shipment-triggered milestones fall due.
 */
public record Shipment(
    String shipmentId,
    String orderId,
    String shipperMsp,
    String consigneeMsp,
    String carrierMsp,
    TransportMode mode,
    String transportDocumentNumber,
    List<String> containers,
    String portOfLoading,
    String portOfDischarge,
    LocalDate plannedDeparture,
    LocalDate plannedArrival,
    List<ShipmentLine> lines,
    ShipmentStatus status,
    Instant departedAt,
    Instant arrivedAt,
    Instant deliveredAt,
    Audit audit,
    Instant departedEventDateTime,
    Instant arrivedEventDateTime,
    Instant deliveredEventDateTime) {
  public Shipment {
    // A shipment is valid exactly when the booking it carries is.
    Booking booking =
        new Booking(
            shipmentId,
            orderId,
            carrierMsp,
            mode,
            transportDocumentNumber,
            containers,
            portOfLoading,
            portOfDischarge,
            plannedDeparture,
            plannedArrival,
            lines);
    containers = booking.containers();
    lines = booking.lines();
    Checks.mspId("shipperMsp", shipperMsp);
    Checks.mspId("consigneeMsp", consigneeMsp);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(audit, "audit");
  }

  /**
   * A new BOOKED shipment of an order from its seller to its buyer. Its lines must be lines of the
   * order; whether they stay within the ordered quantities depends on the order's other shipments
   * (see {@link TradeProgress#unshipped}).
   */
  public static Shipment book(Booking booking, Order order, Audit audit) {
    for (ShipmentLine line : booking.lines()) {
      if (line.line() > order.lines().size()) {
        throw Checks.invalid(
            "lines.line",
            "names line "
                + line.line()
                + ", but order "
                + order.orderId()
                + " has "
                + order.lines().size());
      }
    }
    return new Shipment(
        booking.shipmentId(),
        booking.orderId(),
        order.sellerMsp(),
        order.buyerMsp(),
        booking.carrierMsp(),
        booking.mode(),
        booking.transportDocumentNumber(),
        booking.containers(),
        booking.portOfLoading(),
        booking.portOfDischarge(),
        booking.plannedDeparture(),
        booking.plannedArrival(),
        booking.lines(),
        ShipmentStatus.BOOKED,
        null,
        null,
        null,
        audit,
        null,
        null,
        null);
  }

  /** The booking this shipment was created from, to recognise a repeated booking. */
  public Booking booking() {
    return new Booking(
        shipmentId,
        orderId,
        carrierMsp,
        mode,
        transportDocumentNumber,
        containers,
        portOfLoading,
        portOfDischarge,
        plannedDeparture,
        plannedArrival,
        lines);
  }

  public Shipment confirmed(Actor actor, Instant at) {
    if (status != ShipmentStatus.BOOKED) {
      throw ErrorCode.SHIPMENT_INVALID_TRANSITION.exception(
          "shipment %s is %s: only a BOOKED shipment can be confirmed", shipmentId, status);
    }
    return tracked(
        new ShipmentTracking.Progress(ShipmentStatus.CONFIRMED, null, null, null), actor, at);
  }

  /** The shipment with the status and times its events give. */
  public Shipment tracked(ShipmentTracking.Progress progress, Actor actor, Instant at) {
    return new Shipment(
        shipmentId,
        orderId,
        shipperMsp,
        consigneeMsp,
        carrierMsp,
        mode,
        transportDocumentNumber,
        containers,
        portOfLoading,
        portOfDischarge,
        plannedDeparture,
        plannedArrival,
        lines,
        progress.status(),
        progress.departedAt(),
        progress.arrivedAt(),
        progress.deliveredAt(),
        audit.updated(actor, at),
        progress.departedEventDateTime(),
        progress.arrivedEventDateTime(),
        progress.deliveredEventDateTime());
  }

  /** The quantity of order line {@code line} (1-based) this shipment moves; 0 if none. */
  public long quantityOf(int line) {
    return lines.stream()
        .filter(shipped -> shipped.line() == line)
        .mapToLong(ShipmentLine::quantity)
        .sum();
  }

  /** Whether {@code mspId} ships, receives or carries this shipment. */
  public boolean involves(String mspId) {
    return shipperMsp.equals(mspId) || consigneeMsp.equals(mspId) || carrierMsp.equals(mspId);
  }
}
