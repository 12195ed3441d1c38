package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.Shipment;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Shipments under {@code shipment/<shipmentId>}, with the indexes {@code
 * order-shipment/<orderId>/<shipmentId>} (an order's shipments) and {@code
 * party-shipment/<msp>/<shipmentId>} (what an organization ships, receives or carries).
 */
public final class ShipmentRepository {
  static final String SHIPMENT = "shipment";
  static final String BY_ORDER = "order-shipment";
  static final String BY_PARTY = "party-shipment";

  private final LedgerState state;

  public ShipmentRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<Shipment> find(String shipmentId) {
    return state.get(key(shipmentId), Shipment.class);
  }

  /** The order's shipments in shipment id order. */
  public List<Shipment> findByOrder(String orderId) {
    return idsByOrder(orderId).stream().map(this::find).flatMap(Optional::stream).toList();
  }

  /** The ids of the order's shipments, in shipment id order. */
  List<String> idsByOrder(String orderId) {
    return state.indexed(BY_ORDER, orderId);
  }

  /** Saves a shipment; a new one is also indexed under its order. */
  public void save(Shipment shipment) {
    if (!state.exists(key(shipment.shipmentId()))) {
      state.index(BY_ORDER, shipment.orderId(), shipment.shipmentId());
      for (String party :
          new TreeSet<>(
              List.of(shipment.shipperMsp(), shipment.consigneeMsp(), shipment.carrierMsp()))) {
        state.index(BY_PARTY, party, shipment.shipmentId());
      }
    }
    state.put(key(shipment.shipmentId()), shipment);
  }

  /** A page of the shipments {@code mspId} ships, receives or carries, by shipment id. */
  public Page<Shipment> pageOf(String mspId, int pageSize, String bookmark) {
    return state.page(pageSize, bookmark, this::find, BY_PARTY, mspId);
  }

  public String key(String shipmentId) {
    return state.key(SHIPMENT, shipmentId);
  }
}
