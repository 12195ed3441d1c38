package io.tradeledger.api.service;

/** A request body of the wrong shape, found by the service (400 with code INVALID_JSON). */
public final class InvalidJson extends RuntimeException {
  public InvalidJson(String message) {
    super(message);
  }
}
