package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.it.Apis.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API killed (SIGKILL, as a crash) while it submits a proposal, and started again: the client
 * repeats the request it got no answer to, with the same ids and nothing kept from the first
 * attempt, and gets the committed order, never a 409, and the ledger holds that order once, with
 * the buyer's terms stored; and a state change repeated after a restart gets the committed result
 * rather than a 409. Kills the importer's and the exporter's API, so it runs after the read-only
 * classes and before {@link FaultsIT}; the API is started again also when a test fails.
 */
@ExtendWith(NetworkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(4)
final class ApiRestartIT {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRestartIT.class);

  private final Metrics metrics = new Metrics();
  private FabricNetwork network;
  private Apis apis;

  @BeforeAll
  void prepare(FabricNetwork network) {
    this.network = network;
    apis = Apis.of(NetworkSettings.fromSystemProperties());
  }

  /**
   * Killed as soon as the request is sent: the first attempt may or may not have reached Fabric.
   */
  @Test
  void killed_as_the_proposal_is_sent_the_retry_yields_one_order() throws Exception {
    retriedAfterKill(Trade.fresh("api-killed-at-once"), false);
  }

  /**
   * Killed once the proposal's block is on the importer's peer: the order is committed, and the API
   * was about to store the buyer's terms (a second transaction) or answer.
   */
  @Test
  void killed_once_the_proposal_committed_the_retry_yields_one_order_with_its_terms()
      throws Exception {
    retriedAfterKill(Trade.fresh("api-killed-after-commit"), true);
  }

  /**
   * A state change this time: the exporter's acceptance committed and was answered, but the answer
   * never reached the exporter, whose API is then killed and started again. The exporter repeats
   * the acceptance; the contract would refuse a second one (the order is no longer PROPOSED), and
   * the restarted API, which wrote the first down before ordering it, answers with its result and
   * transaction id instead of a 409.
   */
  @Test
  void an_acceptance_repeated_after_the_api_was_killed_returns_the_committed_one()
      throws Exception {
    Trade trade = Trade.fresh("api-killed-accepted");
    String importer = apis.key(Organization.IMPORTER, Role.WRITER);
    String exporter = apis.key(Organization.EXPORTER, Role.WRITER);
    HttpResponse<String> proposed =
        apis.post(Organization.IMPORTER, "/orders", importer, trade.apiProposal());
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    String terms = Apis.json(proposed).path("terms").toString();
    String accept = "/orders/" + trade.orderId() + "/accept";
    HttpResponse<String> first = apis.post(Organization.EXPORTER, accept, exporter, terms);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

    try {
      network.kill(Organization.EXPORTER.apiNode());
    } finally {
      network.up();
    }
    HttpResponse<String> retry = apis.post(Organization.EXPORTER, accept, exporter, terms);

    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    assertThat(retry.headers().firstValue("X-Transaction-Id"))
        .isEqualTo(first.headers().firstValue("X-Transaction-Id"));
    assertThat(Apis.json(retry)).isEqualTo(Apis.json(first));
    JsonNode order =
        Apis.json(apis.get(Organization.IMPORTER, "/orders/" + trade.orderId(), importer));
    assertThat(order.path("status").asText()).isEqualTo("ACCEPTED");
    JsonNode history =
        Apis.json(apis.get(Organization.IMPORTER, "/history/ORDER/" + trade.orderId(), importer));
    assertThat(history).as("the versions of order %s", trade.orderId()).hasSize(2);
  }

  /** What became of a request whose API was killed. */
  private static String outcome(CompletableFuture<HttpResponse<String>> request) throws Exception {
    return request
        .handle(
            (response, failure) ->
                failure != null
                    ? "no answer (" + failure.getCause() + ")"
                    : "answered " + response.statusCode())
        .get(60, TimeUnit.SECONDS);
  }

  private void retriedAfterKill(Trade trade, boolean afterCommit) throws Exception {
    String writer = apis.key(Organization.IMPORTER, Role.WRITER);
    int peer = network.ports().peerOperations(Organization.IMPORTER);
    long height = metrics.blockHeight(peer).orElseThrow();

    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(
            () -> apis.post(Organization.IMPORTER, "/orders", writer, trade.apiProposal()));
    try {
      if (afterCommit) {
        awaitHeightAbove(peer, height);
      }
      network.kill(Organization.IMPORTER.apiNode());
    } finally {
      network.up();
    }
    LOG.info("the first attempt of {}: {}", trade.orderId(), outcome(first));

    HttpResponse<String> retry =
        apis.post(Organization.IMPORTER, "/orders", writer, trade.apiProposal());

    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
    JsonNode answer = Apis.json(retry);
    JsonNode order =
        Apis.json(apis.get(Organization.IMPORTER, "/orders/" + trade.orderId(), writer));
    assertThat(answer.path("order")).isEqualTo(order);
    assertThat(order.path("status").asText()).isEqualTo("PROPOSED");

    JsonNode history =
        Apis.json(apis.get(Organization.IMPORTER, "/history/ORDER/" + trade.orderId(), writer));
    assertThat(history).as("the versions of order %s", trade.orderId()).hasSize(1);
    assertThat(history.get(0).path("value")).isEqualTo(order);

    // The buyer's terms were stored, and are those the retry answered.
    HttpResponse<String> terms =
        apis.get(Organization.IMPORTER, "/orders/" + trade.orderId() + "/terms", writer);
    assertThat(terms.statusCode()).as(terms.body()).isEqualTo(200);
    assertThat(Apis.json(terms)).isEqualTo(answer.path("terms"));
  }

  /** Waits, polling closely, until the peer has a block beyond {@code height}. */
  private void awaitHeightAbove(int peer, long height) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (metrics.blockHeight(peer).orElse(height) <= height) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the proposal did not commit within 60 s");
      }
      Thread.sleep(Duration.ofMillis(10).toMillis());
    }
  }
}
