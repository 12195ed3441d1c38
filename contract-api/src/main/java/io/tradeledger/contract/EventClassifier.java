package io.tradeledger.contract;

/** Whether an event happened, is expected, or is planned (DCSA). */
public enum EventClassifier {
  ACTUAL,
  ESTIMATED,
  PLANNED
}
