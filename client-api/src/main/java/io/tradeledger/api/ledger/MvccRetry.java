package io.tradeledger.api.ledger;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Retries a submission that lost an MVCC read conflict (another transaction changed what it read
 * before it committed) as a new transaction, a bounded number of times with a growing, jittered
 * pause, all within one deadline: each attempt is given the time that is left, and no attempt
 * starts with less than {@link #MINIMUM_ATTEMPT_MILLIS} left. Any other outcome is final.
 */
final class MvccRetry {
  static final String MVCC_READ_CONFLICT = "MVCC_READ_CONFLICT";

  /** Less time than this is not worth another attempt: it could only run out mid-way. */
  static final long MINIMUM_ATTEMPT_MILLIS = 1000;

  private final int attempts;
  private final long baseMillis;
  private final LongSupplier clockMillis;
  private final LongConsumer sleeper;

  /**
   * @param clockMillis a monotonic clock in milliseconds
   * @param sleeper pauses for the given milliseconds
   */
  MvccRetry(int attempts, long baseMillis, LongSupplier clockMillis, LongConsumer sleeper) {
    this.attempts = attempts;
    this.baseMillis = baseMillis;
    this.clockMillis = clockMillis;
    this.sleeper = sleeper;
  }

  static MvccRetry standard() {
    return new MvccRetry(4, 50, () -> System.nanoTime() / 1_000_000, MvccRetry::sleep);
  }

  /**
   * Runs {@code submission} until it does not lose a read conflict, the attempts are used up or the
   * deadline {@code budgetMillis} from now is too close for another attempt.
   *
   * @param submission one attempt, given the milliseconds left before the deadline
   */
  <T> T run(long budgetMillis, LongFunction<T> submission) {
    long deadline = clockMillis.getAsLong() + budgetMillis;
    for (int attempt = 1; ; attempt++) {
      try {
        return submission.apply(deadline - clockMillis.getAsLong());
      } catch (LedgerRejection rejection) {
        if (!rejection.code().equals(MVCC_READ_CONFLICT) || attempt >= attempts) {
          throw rejection;
        }
        long ceiling = baseMillis << attempt;
        long pause = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        if (deadline - clockMillis.getAsLong() - pause < MINIMUM_ATTEMPT_MILLIS) {
          throw rejection;
        }
        sleeper.accept(pause);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying", e);
    }
  }
}
