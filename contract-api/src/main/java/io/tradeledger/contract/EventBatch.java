package io.tradeledger.contract;

import java.util.List;

/** Many events of one shipment, committed in one transaction. */
public record EventBatch(String shipmentId, List<EventReport> events) {
  /** The most events one transaction records. */
  public static final int MAX_BATCH = 500;

  public EventBatch {
    Checks.id("shipmentId", shipmentId);
    events = Checks.list("events", events, 1, MAX_BATCH);
    Checks.distinct("events.eventId", events.stream().map(EventReport::eventId).toList());
    for (EventReport event : events) {
      if (!event.shipmentId().equals(shipmentId)) {
        throw Checks.invalid(
            "events", "event " + event.eventId() + " names another shipment than " + shipmentId);
      }
    }
  }
}
