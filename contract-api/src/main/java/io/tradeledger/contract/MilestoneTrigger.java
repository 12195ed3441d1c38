package io.tradeledger.contract;

/** The fact on the ledger after which a payment milestone falls due. */
public enum MilestoneTrigger {
  ACCEPTANCE,
  DEPARTURE,
  ARRIVAL,
  CUSTOMS_RELEASE,
  DELIVERY
}
