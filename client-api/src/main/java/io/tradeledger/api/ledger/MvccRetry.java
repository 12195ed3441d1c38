package io.tradeledger.api.ledger;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Retries a submission that lost an MVCC read conflict (another transaction changed what it read
 * before it committed) as a new transaction, a bounded number of times with a growing, jittered
 * pause; any other outcome is final.
 */
final class MvccRetry {
  static final String MVCC_READ_CONFLICT = "MVCC_READ_CONFLICT";

  private final int attempts;
  private final long baseMillis;
  private final LongConsumer sleeper;

  MvccRetry(int attempts, long baseMillis, LongConsumer sleeper) {
    this.attempts = attempts;
    this.baseMillis = baseMillis;
    this.sleeper = sleeper;
  }

  static MvccRetry standard() {
    return new MvccRetry(4, 50, MvccRetry::sleep);
  }

  <T> T run(Supplier<T> submission) {
    for (int attempt = 1; ; attempt++) {
      try {
        return submission.get();
      } catch (LedgerRejection rejection) {
        if (!rejection.code().equals(MVCC_READ_CONFLICT) || attempt >= attempts) {
          throw rejection;
        }
        long ceiling = baseMillis << attempt;
        sleeper.accept(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
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
