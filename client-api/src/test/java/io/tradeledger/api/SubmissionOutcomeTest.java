package io.tradeledger.api;

import static io.tradeledger.api.TestApi.MAPPER;
import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import io.tradeledger.api.ledger.LedgerRejection;
import io.tradeledger.api.ledger.LedgerUnavailable;
import io.tradeledger.api.ledger.OutcomeUnknown;
import io.tradeledger.api.ledger.TransactionStatus;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Submissions whose outcome is unknown: answered 504 OUTCOME_UNKNOWN with the transaction id, asked
 * about later at /transactions/{txId}, and retried into the committed result rather than a 409.
 * Every test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SubmissionOutcomeTest {
  private static final String FIRST = "a1".repeat(32);
  private static final String CANCELLED =
      "{\"orderId\":\"o-1\",\"status\":\"CANCELLED\",\"reason\":\"Changed mind\"}";
  private static final String REASON = "{\"reason\":\"Changed mind\"}";

  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  /** The first cancel's outcome is unknown (it did commit); any later one is refused, as done. */
  private void cancelCommitsButItsOutcomeIsLost() {
    AtomicInteger submissions = new AtomicInteger();
    ledger.answer(
        call -> {
          if (submissions.incrementAndGet() == 1) {
            throw new OutcomeUnknown(FIRST, CANCELLED.getBytes(StandardCharsets.UTF_8), null);
          }
          throw new LedgerRejection(
              "ORDER_INVALID_TRANSITION", "order o-1 is CANCELLED", "tx-again", null);
        });
  }

  @Test
  void a_retried_state_change_whose_first_attempt_committed_returns_the_committed_result()
      throws Exception {
    cancelCommitsButItsOutcomeIsLost();
    ledger.statuses(id -> TransactionStatus.committed(id, 42, "VALID"));

    Response first = api.request("/orders/o-1/cancel", WRITER).post(Entity.json(REASON));
    Response retried = api.request("/orders/o-1/cancel", WRITER).post(Entity.json(REASON));

    assertThat(first.getStatus()).isEqualTo(504);
    JsonNode problem = api.problem(first);
    assertThat(problem.path("code").asText()).isEqualTo("OUTCOME_UNKNOWN");
    assertThat(problem.path("txId").asText()).isEqualTo(FIRST);
    assertThat(retried.getStatus()).isEqualTo(200);
    assertThat(retried.getHeaderString("X-Transaction-Id")).isEqualTo(FIRST);
    assertThat(retried.readEntity(String.class)).isEqualTo(CANCELLED);
    assertThat(ledger.statusQueries).containsExactly(FIRST);
    assertThat(ledger.calls).hasSize(1);
  }

  @Test
  void a_first_attempt_that_commits_while_the_retry_is_refused_still_wins() throws Exception {
    cancelCommitsButItsOutcomeIsLost();
    AtomicInteger queries = new AtomicInteger();
    ledger.statuses(
        id ->
            queries.incrementAndGet() == 1
                ? TransactionStatus.unknown(id)
                : TransactionStatus.committed(id, 42, "VALID"));

    api.request("/orders/o-1/cancel", WRITER).post(Entity.json(REASON)).close();
    Response retried = api.request("/orders/o-1/cancel", WRITER).post(Entity.json(REASON));

    assertThat(retried.getStatus()).isEqualTo(200);
    assertThat(retried.getHeaderString("X-Transaction-Id")).isEqualTo(FIRST);
    assertThat(ledger.calls).hasSize(2);
  }

  @Test
  void a_first_attempt_that_was_invalidated_is_submitted_anew() throws Exception {
    AtomicInteger submissions = new AtomicInteger();
    ledger.answer(
        call -> {
          if (submissions.incrementAndGet() == 1) {
            throw new OutcomeUnknown(FIRST, CANCELLED.getBytes(StandardCharsets.UTF_8), null);
          }
          return CANCELLED;
        });
    ledger.statuses(id -> TransactionStatus.committed(id, 42, "MVCC_READ_CONFLICT"));

    api.request("/orders/o-1/cancel", WRITER).post(Entity.json(REASON)).close();
    Response retried = api.request("/orders/o-1/cancel", WRITER).post(Entity.json(REASON));

    assertThat(retried.getStatus()).isEqualTo(200);
    assertThat(retried.getHeaderString("X-Transaction-Id")).isEqualTo("tx2");
    assertThat(ledger.calls).hasSize(2);
  }

  /**
   * The service dies once the cancel went to the orderer; started again, it has forgotten nothing:
   * the repeated cancel, refused by the contract as done, is answered with the first one's result.
   */
  @Test
  void a_state_change_ordered_before_the_service_died_is_answered_after_its_restart()
      throws Exception {
    Path directory = TestApplication.temporaryDirectory();
    FakeLedgerPort before = new FakeLedgerPort();
    before.crashAfterOrdering(
        FIRST, CANCELLED, new LedgerUnavailable("the service died", FIRST, null));
    try (Response lost = cancel(before, directory)) {
      assertThat(lost.getStatus()).isEqualTo(503);
    }
    assertThat(Files.list(directory.resolve("submissions")))
        .singleElement()
        .satisfies(
            file -> assertThat(Files.readString(file)).contains(FIRST).doesNotContain("Bearer"))
        .satisfies(
            file ->
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------"));

    FakeLedgerPort after = new FakeLedgerPort();
    after.fail(
        new LedgerRejection("ORDER_INVALID_TRANSITION", "order o-1 is CANCELLED", "tx9", null));
    after.statuses(id -> TransactionStatus.committed(id, 42, "VALID"));
    try (Response retried = cancel(after, directory)) {
      assertThat(retried.getStatus()).isEqualTo(200);
      assertThat(retried.getHeaderString("X-Transaction-Id")).isEqualTo(FIRST);
      assertThat(retried.readEntity(String.class)).isEqualTo(CANCELLED);
    }
    assertThat(after.statusQueries).containsExactly(FIRST);
    assertThat(after.calls).isEmpty();
  }

  /** A restart also forgets nothing of an attempt that was invalidated: it is submitted anew. */
  @Test
  void an_attempt_invalidated_before_a_restart_is_submitted_anew_after_it() throws Exception {
    Path directory = TestApplication.temporaryDirectory();
    FakeLedgerPort before = new FakeLedgerPort();
    before.crashAfterOrdering(
        FIRST, CANCELLED, new LedgerUnavailable("the service died", FIRST, null));
    cancel(before, directory).close();

    FakeLedgerPort after = new FakeLedgerPort();
    after.answer(CANCELLED);
    after.statuses(id -> TransactionStatus.committed(id, 42, "MVCC_READ_CONFLICT"));
    try (Response retried = cancel(after, directory)) {
      assertThat(retried.getStatus()).isEqualTo(200);
      assertThat(retried.getHeaderString("X-Transaction-Id")).isEqualTo("tx1");
    }
    assertThat(after.statusQueries).containsExactly(FIRST);
    assertThat(after.calls).hasSize(1);
  }

  /**
   * Cancels order o-1 through a service on {@code ledger} that keeps its files in {@code
   * directory}.
   */
  private static Response cancel(FakeLedgerPort ledger, Path directory) throws Exception {
    DropwizardTestSupport<TradeLedgerConfiguration> service =
        TestApplication.service(ledger, directory);
    service.before();
    try {
      Response response =
          ClientBuilder.newClient()
              .target("http://127.0.0.1:" + service.getLocalPort() + "/orders/o-1/cancel")
              .request()
              .header("Authorization", WRITER)
              .post(Entity.json(REASON));
      response.bufferEntity();
      return response;
    } finally {
      service.after();
    }
  }

  @Test
  void another_request_is_not_taken_for_a_retry() {
    cancelCommitsButItsOutcomeIsLost();
    ledger.statuses(id -> TransactionStatus.committed(id, 42, "VALID"));

    api.request("/orders/o-1/cancel", WRITER).post(Entity.json(REASON)).close();
    Response other =
        api.request("/orders/o-1/cancel", WRITER).post(Entity.json("{\"reason\":\"Other\"}"));

    assertThat(other.getStatus()).isEqualTo(409);
    assertThat(ledger.statusQueries).isEmpty();
  }

  @Test
  void the_status_of_a_transaction_can_be_asked_later() throws Exception {
    String invalid = "b2".repeat(32);
    String unknown = "c3".repeat(32);
    ledger.statuses(
        id ->
            id.equals(FIRST)
                ? TransactionStatus.committed(id, 42, "VALID")
                : id.equals(invalid)
                    ? TransactionStatus.committed(id, 43, "ENDORSEMENT_POLICY_FAILURE")
                    : TransactionStatus.unknown(id));

    JsonNode valid = status(FIRST);
    JsonNode refused = status(invalid);
    JsonNode pending = status(unknown);
    Response malformed = api.request("/transactions/not-a-transaction", READER).get();

    assertThat(valid.toString())
        .isEqualTo(
            "{\"txId\":\""
                + FIRST
                + "\",\"status\":\"VALID\",\"blockNumber\":42,"
                + "\"validationCode\":\"VALID\"}");
    assertThat(refused.path("status").asText()).isEqualTo("INVALID");
    assertThat(refused.path("validationCode").asText()).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
    assertThat(pending.toString())
        .isEqualTo("{\"txId\":\"" + unknown + "\",\"status\":\"UNKNOWN\"}");
    assertThat(malformed.getStatus()).isEqualTo(422);
    assertThat(api.problem(malformed).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(ledger.statusQueries).containsExactly(FIRST, invalid, unknown);
  }

  private JsonNode status(String transactionId) throws Exception {
    Response response = api.request("/transactions/" + transactionId, READER).get();
    assertThat(response.getStatus()).isEqualTo(200);
    return MAPPER.readTree(response.readEntity(String.class));
  }
}
