package io.tradeledger.contract;

/** Names one milestone. */
public record MilestoneReference(String orderId, String milestoneId) {
  public MilestoneReference {
    Checks.id("orderId", orderId);
    Checks.id("milestoneId", milestoneId);
  }
}
