package io.tradeledger.api.ledger;

import java.util.Optional;

/**
 * A transaction that went to the orderer whose commit was not confirmed: the submission failed or
 * timed out after it left the peer, so it may have committed, may still commit, or may never.
 * Clients ask what became of it ({@code GET /transactions/{txId}}) or repeat the request.
 */
public final class OutcomeUnknown extends LedgerException {
  private final byte[] result;

  public OutcomeUnknown(String transactionId, Throwable cause) {
    this(transactionId, null, cause);
  }

  /**
   * @param result what the endorsed transaction returns if it commits; null when not known
   */
  public OutcomeUnknown(String transactionId, byte[] result, Throwable cause) {
    super(
        "the outcome of transaction " + transactionId + " is not known yet", transactionId, cause);
    this.result = result == null ? null : result.clone();
  }

  /** What the transaction returns if it commits, as its endorsers answered. */
  public Optional<byte[]> result() {
    return Optional.ofNullable(result).map(byte[]::clone);
  }

  @Override
  public String code() {
    return "OUTCOME_UNKNOWN";
  }
}
