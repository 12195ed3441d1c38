package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Milestone;
import io.tradeledger.chaincode.domain.Order;
import io.tradeledger.chaincode.domain.Shipment;
import io.tradeledger.chaincode.domain.TradeProgress;
import io.tradeledger.chaincode.state.DeclarationRepository;
import io.tradeledger.chaincode.state.OrderRepository;
import io.tradeledger.chaincode.state.ShipmentRepository;
import io.tradeledger.contract.MilestoneStatus;
import io.tradeledger.contract.errors.ErrorCode;
import java.util.List;

/**
 * What the contracts share about a trade: loading its order and shipments as the caller may see
 * them, and the progress derived from other records. Contracts call these, never each other.
 */
final class Trades {
  private Trades() {}

  /**
   * The order if the caller may read it; otherwise {@link ErrorCode#ORDER_NOT_FOUND}, whether it is
   * absent or hidden.
   */
  static Order readable(Tx tx, String orderId) {
    return new OrderRepository(tx.state())
        .find(orderId)
        .filter(order -> TradeAccess.canRead(tx, order))
        .orElseThrow(() -> ErrorCode.ORDER_NOT_FOUND.exception("no order %s", orderId));
  }

  /** A readable order of which the caller must be the buyer or the seller. */
  static Order ofParty(Tx tx, String orderId) {
    Order order = readable(tx, orderId);
    if (!order.isParty(tx.callerMsp())) {
      throw ErrorCode.ACCESS_DENIED.exception(
          "only the buyer or the seller of order %s may do this; caller is %s",
          orderId, tx.callerMsp());
    }
    return order;
  }

  /** The trade's progress, reading shipments and declarations only when an answer needs them. */
  static TradeProgress progress(Tx tx, Order order) {
    ShipmentRepository shipments = new ShipmentRepository(tx.state());
    DeclarationRepository declarations = new DeclarationRepository(tx.state());
    return new TradeProgress(
        order, () -> shipments.findByOrder(order.orderId()), declarations::findByShipment);
  }

  /** The shipment if the caller may read its order; otherwise SHIPMENT_NOT_FOUND. */
  static Shipment readableShipment(Tx tx, String shipmentId) {
    return new ShipmentRepository(tx.state())
        .find(shipmentId)
        .filter(shipment -> TradeAccess.canRead(tx, shipment.orderId()))
        .orElseThrow(() -> ErrorCode.SHIPMENT_NOT_FOUND.exception("no shipment %s", shipmentId));
  }

  /**
   * Whether every milestone is confirmed and the delivered shipments cover every ordered quantity.
   */
  static boolean completable(Tx tx, Order order, List<Milestone> milestones) {
    return milestones.stream().allMatch(m -> m.status() == MilestoneStatus.CONFIRMED)
        && progress(tx, order).delivered();
  }

  /** The order as read, with its derived status. */
  static Order view(Tx tx, Order order) {
    return order.withStatus(progress(tx, order).orderStatus());
  }
}
