package io.tradeledger.contract;

/** Whether a container is empty or laden (DCSA {@code emptyIndicatorCode}). */
public enum EmptyIndicator {
  EMPTY,
  LADEN
}
