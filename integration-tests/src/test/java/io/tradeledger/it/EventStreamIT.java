package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.contract.DocumentAnchor;
import io.tradeledger.contract.DocumentType;
import io.tradeledger.it.Apis.Role;
import io.tradeledger.it.EventStreamClient.Event;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The importer's API event stream ({@code GET /events}) on the real network: events arrive in
 * commit order (block, then the transaction's place in its block), every named consumer of one user
 * gets every event, and a client that resumes after the API was stopped and started again, with its
 * Last-Event-ID or as its named consumer, gets exactly the events it had not received, those
 * committed while the API was down included. Stops the importer's API, so it runs after the
 * read-only classes and before {@link FaultsIT}; the API is started again also when a test fails.
 */
@ExtendWith(NetworkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(4)
final class EventStreamIT {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreamIT.class);
  private static final Duration DELIVERY = Duration.ofSeconds(60);

  private FabricNetwork network;
  private Apis apis;
  private Gateways gateways;
  private Member auditor;
  private Trade trade;
  private final Map<String, Long> blocks = new HashMap<>();
  private final Map<Long, List<String>> blockContents = new HashMap<>();

  @BeforeAll
  void prepare(FabricNetwork network) {
    this.network = network;
    apis = Apis.of(NetworkSettings.fromSystemProperties());
    gateways = Gateways.open(network, Deadlines.standard());
    auditor = gateways.member(Organization.CUSTOMS, "User3");
    trade = Trade.fresh("events");
    HttpResponse<String> proposed =
        apis.post(
            Organization.IMPORTER, "/orders", writer(Organization.IMPORTER), trade.apiProposal());
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
  }

  @AfterAll
  void disconnect() {
    if (gateways != null) {
      gateways.close();
    }
  }

  @Test
  @Order(1)
  void events_arrive_in_commit_order_and_each_named_consumer_gets_every_one() throws Exception {
    String start = position(anchor(Organization.IMPORTER));
    String first = Trade.unique("first");
    String second = Trade.unique("second");
    String lastWritten;
    try (EventStreamClient one = open(first, start);
        EventStreamClient other = open(second, start)) {
      // Buyer and seller write four at a time, in three waves: blocks of several transactions.
      List<String> written = new ArrayList<>();
      for (int wave = 0; wave < 3; wave++) {
        written.addAll(anchorConcurrently(4));
      }

      List<Event> seenByOne = upToLast(one.awaitTransactions(written, DELIVERY), written);
      List<Event> seenByOther = upToLast(other.awaitTransactions(written, DELIVERY), written);

      LOG.info(
          "{} transactions in blocks {}",
          written.size(),
          written.stream().map(this::block).toList());
      assertThat(seenByOne).isEqualTo(seenByOther);
      assertThat(transactionIds(seenByOne)).doesNotHaveDuplicates().containsAll(written);
      assertInCommitOrder(seenByOne);
      lastWritten = seenByOne.get(seenByOne.size() - 1).transactionId();
    }

    // Each consumer's position is its own: both resume, as their names, after all of the above.
    // The service counts an event as delivered once a later write to the client got through, so
    // the last one before these clients left may come again (at least once), but nothing is lost.
    List<String> later = inCommitOrder(anchorConcurrently(2));
    List<String> withLastAgain = new ArrayList<>(List.of(lastWritten));
    withLastAgain.addAll(later);
    for (String consumer : List.of(first, second)) {
      try (EventStreamClient resumed = open(consumer, null)) {
        List<String> seen =
            transactionIds(upToLast(resumed.awaitTransactions(later, DELIVERY), later));
        LOG.info("consumer {} resumed with {} events for {} written", consumer, seen.size(), 2);
        assertThat(seen).as(consumer).isIn(later, withLastAgain);
      }
    }
  }

  @Test
  @Order(2)
  void a_client_resuming_after_an_api_restart_misses_nothing_and_repeats_nothing()
      throws Exception {
    String consumer = Trade.unique("resuming");
    List<String> before = List.of(anchor(Organization.IMPORTER), anchor(Organization.EXPORTER));
    String lastEventId;
    List<String> missed = new ArrayList<>();
    try (EventStreamClient stream = open(consumer, position(before.get(0)))) {
      stream.awaitTransactions(before.subList(1, 2), DELIVERY);
      // Stopped while the stream is open: the stop ends it rather than wait for it.
      NetworkScript.Result stopped = network.stop(Organization.IMPORTER.apiNode());
      try {
        assertThat(stopped.output()).doesNotContain("did not stop");
        List<Event> seen = stream.received();
        lastEventId = seen.get(seen.size() - 1).id();
        // Committed while the importer's API is down: written through the exporter's.
        missed.add(anchor(Organization.EXPORTER));
        missed.add(anchor(Organization.EXPORTER));
      } finally {
        network.up();
      }
    }
    missed.add(anchor(Organization.IMPORTER));
    missed.add(anchor(Organization.EXPORTER));

    try (EventStreamClient byLastEventId = open(null, lastEventId);
        EventStreamClient byConsumer = open(consumer, null)) {
      for (EventStreamClient resumed : List.of(byLastEventId, byConsumer)) {
        List<Event> seen = upToLast(resumed.awaitTransactions(missed, DELIVERY), missed);
        // The stream the stop ended got a last comment through: its last event counts as
        // delivered to its consumer, which resumes exactly after it.
        assertThat(transactionIds(seen))
            .as("the events after %s", lastEventId)
            .containsExactlyElementsOf(inCommitOrder(missed));
        assertInCommitOrder(seen);
      }
    }
  }

  private EventStreamClient open(String consumer, String lastEventId) {
    return EventStreamClient.open(
        apis,
        Organization.IMPORTER,
        apis.key(Organization.IMPORTER, Role.READER),
        consumer,
        lastEventId);
  }

  /** Anchors an OTHER document of the trade (one transaction); returns its id. */
  private String anchor(Organization party) {
    String documentId = Trade.unique("event-doc");
    HttpResponse<String> anchored =
        apis.post(
            party,
            "/documents",
            writer(party),
            new DocumentAnchor(
                documentId,
                DocumentType.OTHER,
                Hashes.sha256(documentId),
                trade.orderId(),
                null,
                null));
    assertThat(anchored.statusCode()).as(anchored.body()).isEqualTo(201);
    return anchored.headers().firstValue("X-Transaction-Id").orElseThrow();
  }

  private List<String> anchorConcurrently(int count) throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(count);
    try {
      List<Future<String>> anchored = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Organization party = i % 2 == 0 ? Organization.IMPORTER : Organization.EXPORTER;
        anchored.add(writers.submit(() -> anchor(party)));
      }
      List<String> transactionIds = new ArrayList<>();
      for (Future<String> transactionId : anchored) {
        transactionIds.add(transactionId.get());
      }
      return transactionIds;
    } finally {
      writers.shutdownNow();
    }
  }

  /** The event id of a committed transaction's event, as the stream names it. */
  private String position(String transactionId) {
    return block(transactionId) + "-" + transactionId;
  }

  /** The block a transaction committed in, as {@code GET /transactions/{txId}} tells it. */
  private synchronized long block(String transactionId) {
    return blocks.computeIfAbsent(
        transactionId,
        id -> {
          HttpResponse<String> status =
              apis.get(
                  Organization.CUSTOMS,
                  "/transactions/" + id,
                  apis.key(Organization.CUSTOMS, Role.READER));
          JsonNode answer = Apis.json(status);
          assertThat(answer.path("status").asText()).as(status.body()).isEqualTo("VALID");
          return answer.path("blockNumber").asLong();
        });
  }

  /** The transactions in the order the peers committed them: by block, then place in the block. */
  private List<String> inCommitOrder(Collection<String> transactionIds) {
    return transactionIds.stream()
        .sorted(
            Comparator.comparingLong(this::block)
                .thenComparingInt(id -> placeInBlock(block(id), id)))
        .toList();
  }

  private synchronized int placeInBlock(long block, String transactionId) {
    List<String> contents =
        blockContents.computeIfAbsent(
            block,
            number -> {
              try {
                return auditor.transactionIds(number);
              } catch (Exception e) {
                throw new AssertionError("cannot read block " + number, e);
              }
            });
    int place = contents.indexOf(transactionId);
    assertThat(place).as("%s in block %d", transactionId, block).isNotNegative();
    return place;
  }

  /**
   * Every event names the block its transaction committed in, and the events come in commit order.
   */
  private void assertInCommitOrder(List<Event> events) {
    for (Event event : events) {
      assertThat(event.blockNumber()).as(event.id()).isEqualTo(block(event.transactionId()));
    }
    assertThat(transactionIds(events))
        .containsExactlyElementsOf(inCommitOrder(transactionIds(events)));
  }

  /** The events received up to the last of the given transactions' (none of later writers). */
  private static List<Event> upToLast(List<Event> events, Collection<String> transactionIds) {
    int last = -1;
    for (int i = 0; i < events.size(); i++) {
      if (transactionIds.contains(events.get(i).transactionId())) {
        last = i;
      }
    }
    return events.subList(0, last + 1);
  }

  private static List<String> transactionIds(List<Event> events) {
    return events.stream().map(Event::transactionId).toList();
  }

  private String writer(Organization org) {
    return apis.key(org, Role.WRITER);
  }
}
