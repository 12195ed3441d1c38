package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.Order;
import java.util.Optional;

/** Orders under {@code order/<orderId>}. */
public final class OrderRepository {
  static final String ORDER = "order";

  private final LedgerState state;

  public OrderRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<Order> find(String orderId) {
    return state.get(key(orderId), Order.class);
  }

  public void save(Order order) {
    state.put(key(order.orderId()), order);
  }

  public String key(String orderId) {
    return state.key(ORDER, orderId);
  }
}
