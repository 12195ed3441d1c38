package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.EmptyIndicator;
import io.tradeledger.contract.EventClassifier;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A shipment event as stored: the carrier's report, the order it belongs to, and the transaction
 * time at which it was recorded. Events are append-only; a correction is a new event that names the
 * one it retracts.
 */
public record ShipmentEvent(
    String eventId,
    String shipmentId,
    EventType eventType,
    String eventCode,
    EventClassifier eventClassifier,
    String location,
    Instant eventDateTime,
    String equipmentReference,
    String retractsEventId,
    String remarks,
    EmptyIndicator emptyIndicatorCode,
    String orderId,
    Instant recordedAt,
    Audit audit) {
  public ShipmentEvent {
    // Revalidates the report's fields.
    new EventReport(
        eventId,
        shipmentId,
        eventType,
        eventCode,
        eventClassifier,
        location,
        eventDateTime,
        equipmentReference,
        retractsEventId,
        remarks,
        emptyIndicatorCode);
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(audit, "audit");
  }

  public static ShipmentEvent recorded(EventReport report, String orderId, Audit audit) {
    return new ShipmentEvent(
        report.eventId(),
        report.shipmentId(),
        report.eventType(),
        report.eventCode(),
        report.eventClassifier(),
        report.location(),
        report.eventDateTime(),
        report.equipmentReference(),
        report.retractsEventId(),
        report.remarks(),
        report.emptyIndicatorCode(),
        orderId,
        audit.createdAt(),
        audit);
  }

  /** The carrier's report this event was recorded from. */
  public EventReport report() {
    return new EventReport(
        eventId,
        shipmentId,
        eventType,
        eventCode,
        eventClassifier,
        location,
        eventDateTime,
        equipmentReference,
        retractsEventId,
        remarks,
        emptyIndicatorCode);
  }

  /** Whether this is an ACTUAL event of the given type and code. */
  public boolean actually(EventType type, String code) {
    return eventClassifier == EventClassifier.ACTUAL && eventType == type && eventCode.equals(code);
  }
}
