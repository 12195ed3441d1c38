package io.tradeledger.api.auth;

/** What an API user may do within its organization. */
public enum Role {
  /** Submits transactions and reads. */
  WRITER,
  /** Reads only (auditors, dashboards). */
  READER;

  public static final String WRITE = "WRITER";
  public static final String READ = "READER";
}
