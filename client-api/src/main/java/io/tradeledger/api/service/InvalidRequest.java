package io.tradeledger.api.service;

/** A request the service itself refuses (422 with code INVALID_INPUT) before any transaction. */
public final class InvalidRequest extends RuntimeException {
  public InvalidRequest(String message) {
    super(message);
  }
}
