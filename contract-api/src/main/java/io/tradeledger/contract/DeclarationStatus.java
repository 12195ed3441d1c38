package io.tradeledger.contract;

/** Where a customs declaration stands; only the customs authority moves it past FILED. */
public enum DeclarationStatus {
  FILED,
  SELECTED_FOR_INSPECTION,
  RELEASED,
  REJECTED
}
