package io.tradeledger.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** With a clock of the test's own: pauses and attempts take only the time the test says. */
class MvccRetryTest {
  private static final long MINUTE = 60_000;

  private final List<Long> pauses = new ArrayList<>();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final MvccRetry retry =
      new MvccRetry(
          4,
          50,
          clock::get,
          pause -> {
            pauses.add(pause);
            clock.addAndGet(pause);
          });

  private static LedgerRejection conflict() {
    return new LedgerRejection("MVCC_READ_CONFLICT", "lost a race", "tx", null);
  }

  @Test
  void retries_read_conflicts_with_growing_pauses_until_one_commits() {
    AtomicInteger attempts = new AtomicInteger();

    String result =
        retry.run(
            MINUTE,
            remaining -> {
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
                    MINUTE,
                    remaining -> {
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
                    MINUTE,
                    remaining -> {
                      attempts.incrementAndGet();
                      throw new LedgerRejection("ENDORSEMENT_POLICY_FAILURE", "x", "tx", null);
                    }))
        .hasMessageStartingWith("ENDORSEMENT_POLICY_FAILURE");
    assertThat(attempts).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void one_deadline_bounds_every_attempt_and_ends_the_retries() {
    List<Long> budgets = new ArrayList<>();

    assertThatThrownBy(
            () ->
                retry.run(
                    MINUTE,
                    remaining -> {
                      budgets.add(remaining);
                      clock.addAndGet(25_000); // each attempt takes 25 s to lose its race
                      throw conflict();
                    }))
        .hasMessageStartingWith("MVCC_READ_CONFLICT");

    assertThat(budgets).hasSize(3);
    assertThat(budgets.get(0)).isEqualTo(MINUTE);
    assertThat(budgets.get(1)).isBetween(MINUTE - 25_000 - 100, MINUTE - 25_000 - 50);
    assertThat(budgets.get(2)).isLessThan(MINUTE - 50_000).isGreaterThan(0);
    assertThat(clock.get() - 1_000_000).isLessThanOrEqualTo(MINUTE + 25_000);
  }

  @Test
  void no_attempt_starts_with_less_than_the_minimum_left() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.run(
                    MvccRetry.MINIMUM_ATTEMPT_MILLIS + 10,
                    remaining -> {
                      attempts.incrementAndGet();
                      clock.addAndGet(20);
                      throw conflict();
                    }))
        .hasMessageStartingWith("MVCC_READ_CONFLICT");

    assertThat(attempts).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  /**
   * 50 concurrent updates of one record commit one per block: the last of them loses dozens of
   * races. The standard retry keeps trying while the request deadline allows, at a steady pace.
   */
  @Test
  void the_standard_retry_keeps_trying_while_the_deadline_allows_with_bounded_pauses() {
    MvccRetry standard =
        MvccRetry.standard(
            clock::get,
            pause -> {
              pauses.add(pause);
              clock.addAndGet(pause);
            });
    AtomicInteger attempts = new AtomicInteger();

    String result =
        standard.run(
            MINUTE,
            remaining -> {
              clock.addAndGet(500); // each lost race takes half a second
              if (attempts.incrementAndGet() < 40) {
                throw conflict();
              }
              return "committed";
            });

    assertThat(result).isEqualTo("committed");
    assertThat(attempts).hasValue(40);
    assertThat(pauses).allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(1000));
    assertThat(clock.get() - 1_000_000).isLessThanOrEqualTo(MINUTE);
  }

  @Test
  void phantom_reads_and_endorsers_that_disagree_are_races_too() {
    List<String> codes =
        new ArrayList<>(
            List.of("PHANTOM_READ_CONFLICT", "ENDORSEMENT_MISMATCH", "MVCC_READ_CONFLICT"));

    String result =
        retry.run(
            MINUTE,
            remaining -> {
              if (!codes.isEmpty()) {
                throw new LedgerRejection(codes.remove(0), "lost a race", "tx", null);
              }
              return "committed";
            });

    assertThat(result).isEqualTo("committed");
    assertThat(pauses).hasSize(3);
  }
}
