package io.tradeledger.chaincode.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A shipment of an accepted order, booked by the seller (shipper) on a carrier, which alone may
 * change it afterwards. {@code departedAt}, {@code arrivedAt} and {@code deliveredAt} are the
 * transaction times at which the carrier's ACTUAL events moved it to IN_TRANSIT, ARRIVED and
 * DELIVERED (null until then, or again after a retraction).
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
    ShipmentStatus status,
    Instant departedAt,
    Instant arrivedAt,
    Instant deliveredAt,
    Audit audit) {
  public Shipment {
    Checks.id("shipmentId", shipmentId);
    Checks.id("orderId", orderId);
    Checks.mspId("shipperMsp", shipperMsp);
    Checks.mspId("consigneeMsp", consigneeMsp);
    Checks.mspId("carrierMsp", carrierMsp);
    Checks.present("mode", mode);
    Checks.text("transportDocumentNumber", transportDocumentNumber, 64);
    containers = Checks.optionalList("containers", containers, 200);
    containers.forEach(container -> Checks.container("containers", container));
    Checks.locode("portOfLoading", portOfLoading);
    Checks.locode("portOfDischarge", portOfDischarge);
    Checks.present("plannedDeparture", plannedDeparture);
    Checks.present("plannedArrival", plannedArrival);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(audit, "audit");
  }
}
