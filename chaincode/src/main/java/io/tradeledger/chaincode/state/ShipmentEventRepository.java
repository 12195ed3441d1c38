package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.ShipmentEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Shipment events under {@code shipment-event/<shipmentId>/<eventId>}. */
public final class ShipmentEventRepository {
  static final String EVENT = "shipment-event";

  private final LedgerState state;

  public ShipmentEventRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<ShipmentEvent> find(String shipmentId, String eventId) {
    return state.get(key(shipmentId, eventId), ShipmentEvent.class);
  }

  /** The shipment's events in the order they were recorded (transaction time, then id). */
  public List<ShipmentEvent> findByShipment(String shipmentId) {
    return state.list(EVENT, ShipmentEvent.class, shipmentId).stream()
        .sorted(
            Comparator.comparing(ShipmentEvent::recordedAt).thenComparing(ShipmentEvent::eventId))
        .toList();
  }

  /** The ids of the shipment's events, in event id order. */
  List<String> idsByShipment(String shipmentId) {
    return state.indexed(EVENT, shipmentId);
  }

  public void save(ShipmentEvent event) {
    state.put(key(event.shipmentId(), event.eventId()), event);
  }

  public String key(String shipmentId, String eventId) {
    return state.key(EVENT, shipmentId, eventId);
  }
}
