package io.tradeledger.api.ledger;

import java.util.Objects;

/**
 * What became of a transaction: committed and {@link State#VALID}, committed but {@link
 * State#INVALID} (its validation code says why, and it changed nothing), or {@link State#UNKNOWN}
 * (not committed yet, or never ordered: ask again later).
 *
 * @param blockNumber the block that holds it, or -1 when unknown
 * @param validationCode Fabric's validation code (VALID, MVCC_READ_CONFLICT, ...), null when
 *     unknown
 */
public record TransactionStatus(
    String transactionId, State state, long blockNumber, String validationCode) {
  public enum State {
    VALID,
    INVALID,
    UNKNOWN
  }

  public TransactionStatus {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(state, "state");
  }

  public static TransactionStatus unknown(String transactionId) {
    return new TransactionStatus(transactionId, State.UNKNOWN, -1, null);
  }

  public static TransactionStatus committed(
      String transactionId, long blockNumber, String validationCode) {
    return new TransactionStatus(
        transactionId,
        "VALID".equals(validationCode) ? State.VALID : State.INVALID,
        blockNumber,
        validationCode);
  }
}
