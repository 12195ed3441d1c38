package io.tradeledger.chaincode.state;

import java.time.Instant;

/**
 * One version of a record: the transaction that wrote it, that transaction's time, and the record
 * as written (which names its submitter in its audit), or {@code deleted}.
 */
public record HistoryEntry<T>(String txId, Instant timestamp, boolean deleted, T value) {}
