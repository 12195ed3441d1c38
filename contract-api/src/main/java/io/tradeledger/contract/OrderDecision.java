package io.tradeledger.contract;

/** A reasoned rejection or cancellation. */
public record OrderDecision(String orderId, String reason) {
  public OrderDecision {
    Checks.id("orderId", orderId);
    Checks.text("reason", reason, Checks.MAX_TEXT);
  }
}
