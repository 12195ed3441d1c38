package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.transactions.Transactions;
import io.tradeledger.it.Apis.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many clients at once through one organization's API: 50 updates of one shipment that the contract
 * allows side by side all land, though each rewrites the shipment and reads all its events (the API
 * retries the read conflicts Fabric invalidates them with); 50 creates of one order leave one
 * record, and every caller gets that record. 50 requests of one key stay within its rate limit's
 * burst (200).
 */
@ExtendWith(NetworkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Order(2)
final class ApiConcurrencyIT {
  private static final int CALLERS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(ApiConcurrencyIT.class);

  private Apis apis;
  private Gateways gateways;
  private Member buyer;
  private Member seller;
  private Member carrier;

  @BeforeAll
  void connect(FabricNetwork network) {
    apis = Apis.of(NetworkSettings.fromSystemProperties());
    gateways = Gateways.open(network, Deadlines.standard());
    buyer = gateways.member(Organization.IMPORTER, "User2");
    seller = gateways.member(Organization.EXPORTER, "User2");
    carrier = gateways.member(Organization.CARRIER, "User2");
  }

  @AfterAll
  void disconnect() {
    if (gateways != null) {
      gateways.close();
    }
  }

  /**
   * A shipment of 50 containers, each gated in at the terminal by its own caller at the same
   * moment: distinct events the contract takes in any order, every one of them rewriting the
   * shipment.
   */
  @Test
  void fifty_concurrent_events_of_one_shipment_all_land() throws Exception {
    Trade trade = Trade.fresh("api-concurrent-events");
    List<String> containers = IntStream.range(0, CALLERS).mapToObj(Trade::container).toList();
    trade.proposeAndAccept(buyer, seller);
    seller.submit(Transactions.BOOK_SHIPMENT, trade.booking(containers));
    trade.confirmShipment(carrier);
    List<EventReport> events =
        IntStream.range(0, CALLERS)
            .mapToObj(
                i ->
                    trade.event(
                        EventType.EQUIPMENT,
                        "GATED_IN",
                        Trade.PORT_OF_LOADING,
                        trade.at(i),
                        containers.get(i)))
            .toList();
    String key = apis.key(Organization.CARRIER, Role.WRITER);
    String path = "/shipments/" + trade.shipmentId() + "/events";

    List<HttpResponse<String>> answers =
        concurrently(i -> apis.post(Organization.CARRIER, path, key, Json.write(events.get(i))));

    Set<String> transactions = new TreeSet<>();
    for (int i = 0; i < CALLERS; i++) {
      JsonNode recorded = Apis.expect(answers.get(i), 201);
      assertThat(recorded.path("eventId").asText()).isEqualTo(events.get(i).eventId());
      transactions.add(Apis.transactionId(answers.get(i)));
    }
    assertThat(transactions).as("one transaction per event").hasSize(CALLERS);
    JsonNode listed =
        Apis.expect(
            apis.get(Organization.IMPORTER, path, apis.key(Organization.IMPORTER, Role.READER)),
            200);
    assertThat(listed)
        .extracting(view -> view.path("event").path("eventId").asText())
        .containsExactlyInAnyOrderElementsOf(events.stream().map(EventReport::eventId).toList());
    assertThat(
            Apis.expect(
                    apis.get(
                        Organization.CARRIER,
                        "/shipments/" + trade.shipmentId(),
                        apis.key(Organization.CARRIER, Role.READER)),
                    200)
                .path("status")
                .asText())
        .isEqualTo("CONFIRMED");
  }

  /**
   * The same order proposed 50 times at once: one record with one creating version, and every
   * caller answered 201 with that order, as a repeated create is (the contract returns the record
   * that exists; the API retries the callers whose attempt lost the race).
   */
  @Test
  void fifty_concurrent_creates_of_one_order_leave_one_record_and_each_caller_gets_it()
      throws Exception {
    Trade trade = Trade.fresh("api-concurrent-creates");
    String key = apis.key(Organization.IMPORTER, Role.WRITER);
    String proposal = trade.apiProposal();

    List<HttpResponse<String>> answers =
        concurrently(i -> apis.post(Organization.IMPORTER, "/orders", key, proposal));

    Set<String> hashes = new TreeSet<>();
    for (HttpResponse<String> answer : answers) {
      JsonNode proposed = Apis.expect(answer, 201);
      assertThat(proposed.path("order").path("orderId").asText()).isEqualTo(trade.orderId());
      assertThat(proposed.path("order").path("status").asText()).isEqualTo("PROPOSED");
      hashes.add(proposed.path("termsHash").asText());
    }
    assertThat(hashes).as("one termsHash for all").hasSize(1);
    JsonNode history =
        Apis.expect(
            apis.get(
                Organization.CUSTOMS,
                "/history/ORDER/" + trade.orderId(),
                apis.key(Organization.CUSTOMS, Role.READER)),
            200);
    assertThat(history).as("the order's versions").hasSize(1);
    assertThat(history.get(0).path("value").path("status").asText()).isEqualTo("PROPOSED");
    assertThat(
            Apis.expect(
                    apis.get(
                        Organization.IMPORTER,
                        "/orders/" + trade.orderId() + "/terms",
                        apis.key(Organization.IMPORTER, Role.READER)),
                    200)
                .path("linePrices"))
        .hasSize(1);
  }

  /** Runs {@code call} for callers 0 to 49 at once, released together; their answers in order. */
  private static List<HttpResponse<String>> concurrently(IntFunction<HttpResponse<String>> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        int caller = i;
        Callable<HttpResponse<String>> task =
            () -> {
              start.await();
              return call.apply(caller);
            };
        futures.add(pool.submit(task));
      }
      Instant began = Instant.now();
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(future.get());
      }
      LOG.info(
          "{} concurrent requests answered in {} ms: {}",
          CALLERS,
          Duration.between(began, Instant.now()).toMillis(),
          answers.stream().map(HttpResponse::statusCode).sorted().toList());
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
