package io.tradeledger.chaincode.domain;

/** Whether a container is empty or laden (DCSA {@code emptyIndicatorCode}). */
public enum EmptyIndicator {
  EMPTY,
  LADEN
}
