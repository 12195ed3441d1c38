package io.tradeledger.api.service;

/**
 * A request the service itself refuses before any transaction: 422 with code INVALID_INPUT, or 400
 * INVALID_JSON when the body has the wrong shape ({@link #malformed}).
 */
public final class InvalidRequest extends RuntimeException {
  private final boolean malformed;

  public InvalidRequest(String message) {
    this(message, false);
  }

  private InvalidRequest(String message, boolean malformed) {
    super(message);
    this.malformed = malformed;
  }

  /** A body of the wrong shape, as the JSON parser would refuse it. */
  public static InvalidRequest malformed(String message) {
    return new InvalidRequest(message, true);
  }

  public boolean malformed() {
    return malformed;
  }
}
