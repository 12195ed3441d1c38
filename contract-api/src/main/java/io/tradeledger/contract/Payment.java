package io.tradeledger.contract;

/** The payer's record of a payment. */
public record Payment(String orderId, String milestoneId, String paymentReference) {
  public Payment {
    Checks.id("orderId", orderId);
    Checks.id("milestoneId", milestoneId);
    Checks.text("paymentReference", paymentReference, 128);
  }
}
