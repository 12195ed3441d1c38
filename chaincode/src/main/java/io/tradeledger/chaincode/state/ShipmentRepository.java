package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.Shipment;
import java.util.List;
import java.util.Optional;

/**
 * Shipments under {@code shipment/<shipmentId>}, with the index {@code
 * order-shipment/<orderId>/<shipmentId>} listing an order's shipments.
 */
public final class ShipmentRepository {
  static final String SHIPMENT = "shipment";
  static final String BY_ORDER = "order-shipment";

  private final LedgerState state;

  public ShipmentRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<Shipment> find(String shipmentId) {
    return state.get(key(shipmentId), Shipment.class);
  }

  /** The order's shipments in shipment id order. */
  public List<Shipment> findByOrder(String orderId) {
    return state.indexed(BY_ORDER, orderId).stream()
        .map(this::find)
        .flatMap(Optional::stream)
        .toList();
  }

  /** Saves a shipment; a new one is also indexed under its order. */
  public void save(Shipment shipment) {
    if (!state.exists(key(shipment.shipmentId()))) {
      state.index(BY_ORDER, shipment.orderId(), shipment.shipmentId());
    }
    state.put(key(shipment.shipmentId()), shipment);
  }

  public String key(String shipmentId) {
    return state.key(SHIPMENT, shipmentId);
  }
}
