package io.tradeledger.contract;

/** What an organization may do in a trade; kept in the participant registry. */
public enum Role {
  EXPORTER,
  IMPORTER,
  CARRIER,
  CUSTOMS,
  INSURER
}
