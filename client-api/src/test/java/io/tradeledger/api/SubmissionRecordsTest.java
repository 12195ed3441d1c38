package io.tradeledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.api.ledger.LedgerCall;
import io.tradeledger.api.ledger.LedgerUnavailable;
import io.tradeledger.api.ledger.RememberedSubmissions;
import io.tradeledger.api.ledger.TransactionStatus;
import io.tradeledger.contract.transactions.Transactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files in which the service writes each submission down before ordering it: read back at
 * start, except those past their time or unreadable (cut short by a crash), which are deleted.
 */
class SubmissionRecordsTest {
  private static final String FIRST = "a1".repeat(32);
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final LedgerCall CANCEL =
      LedgerCall.of(Transactions.CANCEL_ORDER, List.of("o-1", "{\"reason\":\"Changed mind\"}"));

  @TempDir Path directory;

  private RememberedSubmissions started(FakeLedgerPort ledger, Instant now) throws Exception {
    RememberedSubmissions submissions =
        new RememberedSubmissions(ledger, directory, Clock.fixed(now, ZoneOffset.UTC));
    submissions.start();
    return submissions;
  }

  /** Submits a cancel that the service "dies" on once it went to the orderer. */
  private void cancelLost(Instant now) throws Exception {
    FakeLedgerPort ledger = new FakeLedgerPort();
    ledger.crashAfterOrdering(FIRST, "{}", new LedgerUnavailable("the service died", FIRST, null));
    RememberedSubmissions submissions = started(ledger, now);
    assertThatThrownBy(() -> submissions.submit("User1", CANCEL))
        .isInstanceOf(LedgerUnavailable.class);
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  @Test
  void a_record_within_its_time_is_looked_up_after_a_restart() throws Exception {
    cancelLost(T0);

    FakeLedgerPort ledger = new FakeLedgerPort();
    ledger.statuses(id -> TransactionStatus.committed(id, 7, "VALID"));
    RememberedSubmissions restarted = started(ledger, T0.plus(Duration.ofMinutes(14)));

    assertThat(restarted.submit("User1", CANCEL).transactionId()).isEqualTo(FIRST);
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void another_user_repeating_the_call_is_not_answered_from_the_record() throws Exception {
    cancelLost(T0);

    FakeLedgerPort ledger = new FakeLedgerPort();
    ledger.statuses(id -> TransactionStatus.committed(id, 7, "VALID"));
    RememberedSubmissions restarted = started(ledger, T0);

    assertThat(restarted.submit("User2", CANCEL).transactionId()).isEqualTo("tx1");
    assertThat(ledger.statusQueries).isEmpty();
  }

  @Test
  void records_past_their_time_or_unreadable_are_deleted_at_start() throws Exception {
    cancelLost(T0);
    Files.writeString(directory.resolve("b2".repeat(32) + ".json"), "{\"attempts\":[{\"tra");
    assertThat(files()).hasSize(2);

    FakeLedgerPort ledger = new FakeLedgerPort();
    RememberedSubmissions restarted = started(ledger, T0.plus(Duration.ofMinutes(16)));

    assertThat(files()).isEmpty();
    assertThat(restarted.submit("User1", CANCEL).transactionId()).isEqualTo("tx1");
    assertThat(ledger.statusQueries).isEmpty();
  }
}
