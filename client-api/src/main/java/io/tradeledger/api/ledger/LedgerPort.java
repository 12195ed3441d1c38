package io.tradeledger.api.ledger;

import java.util.Iterator;
import java.util.Optional;

/**
 * The organization's way to its ledger: evaluate and submit chaincode transactions as one of its
 * Fabric identities, and follow its chaincode events. The Fabric Gateway adapter implements it
 * against the organization's peer.
 *
 * <p>Every method reports failures as {@link LedgerException}s: {@link LedgerRejection} when the
 * contract or the network refused the transaction, {@link LedgerUnavailable} when the peer could
 * not be reached, {@link OutcomeUnknown} when a transaction's fate is unknown after it went to the
 * orderer (whatever failed: a deadline, the orderer, the peer's commit status).
 */
public interface LedgerPort {

  /** The MSP ID of the organization this service belongs to. */
  String mspId();

  /** Runs a read-only transaction on the organization's peer and returns its result. */
  byte[] evaluate(String fabricUser, LedgerCall call);

  /**
   * Endorses, submits and waits for the commit of a transaction; returns its result. MVCC read
   * conflicts are retried with a bounded backoff.
   */
  default Submitted submit(String fabricUser, LedgerCall call) {
    return submit(fabricUser, call, Ordering.NONE);
  }

  /**
   * As {@link #submit(String, LedgerCall)}, telling {@code ordering} of each endorsed attempt just
   * before it goes to the orderer, when its transaction id and result are known and it may commit.
   */
  Submitted submit(String fabricUser, LedgerCall call, Ordering ordering);

  /**
   * The chaincode events from the given position on (or from the next block when empty). The
   * iterator blocks for new events; closing it ends the stream.
   */
  EventStream events(String fabricUser, Optional<EventPosition> after);

  /**
   * What became of a transaction, as the organization's peer knows it: VALID or INVALID once
   * committed, UNKNOWN when it has not committed within the evaluate deadline.
   */
  TransactionStatus transactionStatus(String fabricUser, String transactionId);

  /** Whether the peer answers. */
  boolean reachable();

  /** Told of each endorsed transaction before it is sent to the orderer. */
  @FunctionalInterface
  interface Ordering {
    Ordering NONE = (transactionId, result) -> {};

    /** The transaction is endorsed and about to be ordered; it returns {@code result} if valid. */
    void ordering(String transactionId, byte[] result);
  }

  /** A committed transaction's id and result. */
  record Submitted(String transactionId, byte[] result) {}

  /** A closeable iterator of events. */
  interface EventStream extends Iterator<LedgerEvent>, AutoCloseable {
    @Override
    void close();
  }
}
