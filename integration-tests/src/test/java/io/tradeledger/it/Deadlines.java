package io.tradeledger.it;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of Gateway call may take. Without a deadline a call to a node that is gone
 * waits forever; the fault tests rely on these to fail in bounded time.
 */
public record Deadlines(
    Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {
  public Deadlines {
    Objects.requireNonNull(evaluate, "evaluate");
    Objects.requireNonNull(endorse, "endorse");
    Objects.requireNonNull(submit, "submit");
    Objects.requireNonNull(commitStatus, "commitStatus");
  }

  /** Generous enough for two cores running sixteen processes. */
  public static Deadlines standard() {
    return new Deadlines(
        Duration.ofSeconds(30),
        Duration.ofSeconds(45),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60));
  }
}
