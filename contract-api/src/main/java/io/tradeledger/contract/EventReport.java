package io.tradeledger.contract;

import java.time.Instant;

/**
 * A carrier's report of one shipment event, as submitted: DCSA Track & Trace v3 vocabulary, the
 * carrier's own event time, and optionally the container concerned (with whether it is EMPTY or
 * LADEN) and the earlier event this one retracts.
 */
public record EventReport(
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
    EmptyIndicator emptyIndicatorCode) {
  public EventReport {
    Checks.uuid("eventId", eventId);
    Checks.id("shipmentId", shipmentId);
    Checks.present("eventType", eventType);
    Checks.present("eventCode", eventCode);
    if (!eventType.codes().contains(eventCode)) {
      throw Checks.invalid(
          "eventCode", "must be one of " + eventType.codes() + " for " + eventType);
    }
    Checks.present("eventClassifier", eventClassifier);
    Checks.locode("location", location);
    Checks.present("eventDateTime", eventDateTime);
    if (equipmentReference != null) {
      Checks.container("equipmentReference", equipmentReference);
    }
    if (retractsEventId != null) {
      Checks.uuid("retractsEventId", retractsEventId);
      if (retractsEventId.equals(eventId)) {
        throw Checks.invalid("retractsEventId", "must name another event");
      }
    }
    Checks.optionalText("remarks", remarks, Checks.MAX_TEXT);
    if (emptyIndicatorCode != null && eventType != EventType.EQUIPMENT) {
      throw Checks.invalid("emptyIndicatorCode", "belongs to EQUIPMENT events only");
    }
  }
}
