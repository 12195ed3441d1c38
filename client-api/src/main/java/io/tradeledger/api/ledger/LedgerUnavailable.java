package io.tradeledger.api.ledger;

/** The peer could not be reached. */
public final class LedgerUnavailable extends LedgerException {
  public LedgerUnavailable(String message, String transactionId, Throwable cause) {
    super(message, transactionId, cause);
  }

  @Override
  public String code() {
    return "PEER_UNAVAILABLE";
  }
}
