package io.tradeledger.contract;

/** A payment milestone's progress: the payer records payment, the payee confirms receipt. */
public enum MilestoneStatus {
  PENDING,
  PAID,
  CONFIRMED
}
