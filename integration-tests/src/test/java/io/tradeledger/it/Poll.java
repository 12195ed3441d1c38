package io.tradeledger.it;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Bounded waiting for something the network does on its own time (a restarted node catching up, a
 * peer reconnecting to its chaincode). Every wait has a limit and says what it waited for.
 */
public final class Poll {
  private static final Duration INTERVAL = Duration.ofMillis(500);

  private Poll() {}

  /**
   * Calls {@code attempt} until it returns a value {@code done} accepts without throwing; fails
   * with the last value or exception when {@code timeout} has passed.
   */
  public static <T> T until(
      String what, Duration timeout, Callable<T> attempt, Predicate<? super T> done) {
    Instant deadline = Instant.now().plus(timeout);
    Object last = null;
    while (true) {
      try {
        T value = attempt.call();
        if (done.test(value)) {
          return value;
        }
        last = value;
      } catch (Exception e) {
        last = e;
      }
      if (Instant.now().isAfter(deadline)) {
        AssertionError failure =
            new AssertionError(
                "gave up after "
                    + timeout.toSeconds()
                    + " s waiting for "
                    + what
                    + "; last: "
                    + last);
        if (last instanceof Exception e) {
          failure.initCause(e);
        }
        throw failure;
      }
      pause();
    }
  }

  /** Calls {@code attempt} until it stops throwing; returns its value. */
  public static <T> T untilSucceeds(String what, Duration timeout, Callable<T> attempt) {
    return until(what, timeout, attempt, value -> true);
  }

  private static void pause() {
    try {
      Thread.sleep(INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
