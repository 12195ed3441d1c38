package io.tradeledger.api.ledger;

/**
 * A submitted transaction whose commit was not confirmed before the deadline: it may still commit.
 * Clients check its status, or repeat the idempotent request, with the transaction id.
 */
public final class OutcomeUnknown extends LedgerException {
  public OutcomeUnknown(String transactionId, Throwable cause) {
    super(
        "the outcome of transaction " + transactionId + " is not known yet", transactionId, cause);
  }

  @Override
  public String code() {
    return "OUTCOME_UNKNOWN";
  }
}
