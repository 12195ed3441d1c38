package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Order;
import io.tradeledger.chaincode.domain.Participant;
import io.tradeledger.chaincode.state.ParticipantRepository;
import io.tradeledger.chaincode.state.TradeParties;
import io.tradeledger.contract.Role;

/**
 * Who may read a trade: the organizations that take part in it (buyer, seller, carriers of its
 * shipments, customs representatives that filed for it) and every registered organization holding
 * the CUSTOMS or INSURER role, which must assess trades before they are named in one. Anybody else
 * is told the record does not exist, so a trade they may not see is indistinguishable from an
 * absent one.
 */
public final class TradeAccess {
  private TradeAccess() {}

  /**
   * As {@link #canRead(Tx, String)} for an order already read: its buyer and seller need no look-up
   * (they joined the trade's parties when it was proposed).
   */
  public static boolean canRead(Tx tx, Order order) {
    return order.isParty(tx.callerMsp()) || canRead(tx, order.orderId());
  }

  public static boolean canRead(Tx tx, String orderId) {
    if (new TradeParties(tx.state()).isParty(orderId, tx.callerMsp())) {
      return true;
    }
    return new ParticipantRepository(tx.state())
        .find(tx.callerMsp())
        .map(TradeAccess::isAssessor)
        .orElse(false);
  }

  private static boolean isAssessor(Participant participant) {
    return participant.hasRole(Role.CUSTOMS) || participant.hasRole(Role.INSURER);
  }
}
