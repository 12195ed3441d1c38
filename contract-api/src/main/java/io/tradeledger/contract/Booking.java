package io.tradeledger.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * What the party contracting the main carriage (the seller or the buyer, by the order's Incoterms
 * rule) books on a carrier for an accepted order, including how much of each order line the
 * shipment moves ({@code lines}).
 */
public record Booking(
    String shipmentId,
    String orderId,
    String carrierMsp,
    TransportMode mode,
    String transportDocumentNumber,
    List<String> containers,
    String portOfLoading,
    String portOfDischarge,
    LocalDate plannedDeparture,
    LocalDate plannedArrival,
    List<ShipmentLine> lines) {
  /** The longest transport document number. */
  public static final int MAX_DOCUMENT_NUMBER = 64;

  public Booking {
    Checks.id("shipmentId", shipmentId);
    Checks.id("orderId", orderId);
    Checks.mspId("carrierMsp", carrierMsp);
    Checks.present("mode", mode);
    Checks.text("transportDocumentNumber", transportDocumentNumber, MAX_DOCUMENT_NUMBER);
    containers = Checks.distinct("containers", Checks.optionalList("containers", containers, 200));
    containers.forEach(container -> Checks.container("containers", container));
    Checks.locode("portOfLoading", portOfLoading);
    Checks.locode("portOfDischarge", portOfDischarge);
    if (portOfDischarge.equals(portOfLoading)) {
      throw Checks.invalid("portOfDischarge", "must differ from portOfLoading");
    }
    Checks.present("plannedDeparture", plannedDeparture);
    Checks.present("plannedArrival", plannedArrival);
    if (plannedArrival.isBefore(plannedDeparture)) {
      throw Checks.invalid("plannedArrival", "must not be before plannedDeparture");
    }
    lines = Checks.list("lines", lines, 1, OrderProposal.MAX_LINES);
    Checks.distinct("lines.line", lines.stream().map(ShipmentLine::line).toList());
  }
}
