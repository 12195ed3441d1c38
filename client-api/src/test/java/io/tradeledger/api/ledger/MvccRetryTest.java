package io.tradeledger.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MvccRetryTest {
  private final List<Long> pauses = new ArrayList<>();
  private final MvccRetry retry = new MvccRetry(4, 50, pauses::add);

  private static LedgerRejection conflict() {
    return new LedgerRejection("MVCC_READ_CONFLICT", "lost a race", "tx", null);
  }

  @Test
  void retries_read_conflicts_with_growing_pauses_until_one_commits() {
    AtomicInteger attempts = new AtomicInteger();

    String result =
        retry.run(
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw conflict();
              }
              return "committed";
            });

    assertThat(result).isEqualTo("committed");
    assertThat(attempts).hasValue(3);
    assertThat(pauses).hasSize(2);
    assertThat(pauses.get(0)).isBetween(50L, 100L);
    assertThat(pauses.get(1)).isBetween(100L, 200L);
  }

  @Test
  void gives_up_after_the_last_attempt() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.run(
                    () -> {
                      attempts.incrementAndGet();
                      throw conflict();
                    }))
        .isInstanceOf(LedgerRejection.class)
        .hasMessageStartingWith("MVCC_READ_CONFLICT");
    assertThat(attempts).hasValue(4);
    assertThat(pauses).hasSize(3);
  }

  @Test
  void other_failures_are_not_retried() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.run(
                    () -> {
                      attempts.incrementAndGet();
                      throw new LedgerRejection("ENDORSEMENT_POLICY_FAILURE", "x", "tx", null);
                    }))
        .hasMessageStartingWith("ENDORSEMENT_POLICY_FAILURE");
    assertThat(attempts).hasValue(1);
    assertThat(pauses).isEmpty();
  }
}
