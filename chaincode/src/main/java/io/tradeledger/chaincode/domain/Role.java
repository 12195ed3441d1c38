package io.tradeledger.chaincode.domain;

/** What an organization may do in a trade; kept in the participant registry. */
public enum Role {
  EXPORTER,
  IMPORTER,
  CARRIER,
  CUSTOMS,
  INSURER
}
