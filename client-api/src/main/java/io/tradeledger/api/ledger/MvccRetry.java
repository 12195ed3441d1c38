package io.tradeledger.api.ledger;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Retries a submission that lost a race with another transaction as a new transaction: an MVCC read
 * conflict or a phantom read (another transaction changed what it read before it committed), or
 * endorsing peers that answered differently because they simulated it on either side of such a
 * change. It retries with a growing, jittered pause (at most {@link #MAXIMUM_PAUSE_MILLIS}) for as
 * long as one deadline allows: each attempt is given the time that is left, and no attempt starts
 * with less than {@link #MINIMUM_ATTEMPT_MILLIS} left. Any other outcome is final.
 *
 * <p>Concurrent updates of one record commit one per block, so 50 of them need about 50 rounds: the
 * deadline, not a small number of attempts, is what bounds the retries.
 */
final class MvccRetry {
  static final String MVCC_READ_CONFLICT = "MVCC_READ_CONFLICT";

  /** The races a new attempt can win: nothing of the lost attempt was written. */
  static final Set<String> RACES =
      Set.of(MVCC_READ_CONFLICT, "PHANTOM_READ_CONFLICT", FabricGatewayLedger.ENDORSEMENT_MISMATCH);

  /** The most attempts of one submission; the deadline normally ends them long before. */
  static final int STANDARD_ATTEMPTS = 200;

  /** The longest pause between attempts, so that a long race is retried at a steady pace. */
  static final long MAXIMUM_PAUSE_MILLIS = 1000;

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
    return standard(() -> System.nanoTime() / 1_000_000, MvccRetry::sleep);
  }

  static MvccRetry standard(LongSupplier clockMillis, LongConsumer sleeper) {
    return new MvccRetry(STANDARD_ATTEMPTS, 50, clockMillis, sleeper);
  }

  /**
   * Runs {@code submission} until it does not lose a race, the attempts are used up or the deadline
   * {@code budgetMillis} from now is too close for another attempt.
   *
   * @param submission one attempt, given the milliseconds left before the deadline
   */
  <T> T run(long budgetMillis, LongFunction<T> submission) {
    long deadline = clockMillis.getAsLong() + budgetMillis;
    for (int attempt = 1; ; attempt++) {
      try {
        return submission.apply(deadline - clockMillis.getAsLong());
      } catch (LedgerRejection rejection) {
        if (!RACES.contains(rejection.code()) || attempt >= attempts) {
          throw rejection;
        }
        long ceiling = Math.min(baseMillis << Math.min(attempt, 20), MAXIMUM_PAUSE_MILLIS);
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
