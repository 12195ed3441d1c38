package io.tradeledger.chaincode.state;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which organizations take part in which order: the index pair {@code order-party/<orderId>/<msp>}
 * and {@code party-order/<msp>/<orderId>}. Buyer and seller join when the order is proposed, a
 * carrier when a shipment of the order is booked on it, a customs representative and the customs
 * authority when a declaration of the order is filed, an insurer when it issues a policy on one of
 * its shipments. The entries carry no key-level policy: they are written only by creating
 * transactions, which the chaincode's MAJORITY policy guards.
 */
public final class TradeParties {
  static final String ORDER_PARTY = "order-party";
  static final String PARTY_ORDER = "party-order";

  private final LedgerState state;

  public TradeParties(LedgerState state) {
    this.state = state;
  }

  /** Records that {@code mspId} takes part in the order; does nothing if it already does. */
  public void join(String orderId, String mspId) {
    if (!isParty(orderId, mspId)) {
      state.index(ORDER_PARTY, orderId, mspId);
      state.index(PARTY_ORDER, mspId, orderId);
    }
  }

  public boolean isParty(String orderId, String mspId) {
    return state.exists(state.key(ORDER_PARTY, orderId, mspId));
  }

  /** A page of the orders {@code mspId} takes part in, in order id order. */
  public <T> Page<T> orders(
      String mspId, int pageSize, String bookmark, Function<String, Optional<T>> load) {
    return state.page(pageSize, bookmark, load, PARTY_ORDER, mspId);
  }
}
