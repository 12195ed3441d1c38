package io.tradeledger.chaincode.domain;

import java.util.Objects;

/**
 * Who submitted a transaction: the organization's MSP ID and the client identity within it ({@code
 * x509::subject::issuer}), so the ledger records the person behind each write.
 */
public record Actor(String mspId, String identity) {
  public Actor {
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(identity, "identity");
  }
}
