package io.tradeledger.api.config;

/**
 * How many requests each API key may make: {@code requestsPerSecond} on average, with bursts of up
 * to {@code burst} at once. A key over its limit gets 429 with Retry-After.
 */
public record RateLimit(Double requestsPerSecond, Integer burst) {
  public RateLimit {
    requestsPerSecond = requestsPerSecond == null ? 100.0 : requestsPerSecond;
    burst = burst == null ? 200 : burst;
    if (!(requestsPerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("requestsPerSecond and burst must be positive");
    }
  }

  public static RateLimit defaults() {
    return new RateLimit(null, null);
  }
}
