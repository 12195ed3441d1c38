package io.tradeledger.api.ledger;

/** A transaction that did not succeed; {@code transactionId} is null when none was created. */
public abstract class LedgerException extends RuntimeException {
  private final String transactionId;

  protected LedgerException(String message, String transactionId, Throwable cause) {
    super(message, cause);
    this.transactionId = transactionId;
  }

  public String transactionId() {
    return transactionId;
  }

  /** The stable code clients see: the contract's, or this service's for network failures. */
  public abstract String code();
}
