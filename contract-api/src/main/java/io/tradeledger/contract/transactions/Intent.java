package io.tradeledger.contract.transactions;

/** How a client runs a transaction: endorsed and committed, or read on a peer only. */
public enum Intent {
  /** Endorsed, ordered and committed: it may write. */
  SUBMIT,
  /** Run on one peer and never committed: a read. */
  EVALUATE
}
