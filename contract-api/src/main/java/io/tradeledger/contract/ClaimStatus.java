package io.tradeledger.contract;

/** An insurance claim's progress; only the insurer moves it past FILED. */
public enum ClaimStatus {
  FILED,
  APPROVED,
  REJECTED,
  SETTLED
}
