package io.tradeledger.api.ledger;

import java.util.Objects;

/** A chaincode event of a committed transaction, at its block. */
public record LedgerEvent(long blockNumber, String transactionId, String name, byte[] payload) {
  public LedgerEvent {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(payload, "payload");
  }
}
