package io.tradeledger.api.config;

import io.dropwizard.util.Duration;

/** How long each kind of Gateway call may take. */
public record Deadlines(
    Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {
  public static Deadlines defaults() {
    return new Deadlines(
        Duration.seconds(5), Duration.seconds(15), Duration.seconds(5), Duration.seconds(60));
  }
}
