package io.tradeledger.contract;

/** The payer's record of a payment. */
public record Payment(String orderId, String milestoneId, String paymentReference) {
  /** The longest payment reference. */
  public static final int MAX_REFERENCE = 128;

  public Payment {
    Checks.id("orderId", orderId);
    Checks.id("milestoneId", milestoneId);
    Checks.text("paymentReference", paymentReference, MAX_REFERENCE);
  }
}
