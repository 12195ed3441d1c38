package io.tradeledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.ledger.EventCheckpoints;
import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerEvent;
import io.tradeledger.api.service.EventFeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positions of named consumers, with several streams of one consumer in one block. */
class EventFeedTest {
  private static final List<LedgerEvent> ONE_BLOCK =
      List.of(event(41, "aa01"), event(41, "bb02"), event(41, "cc03"));

  @TempDir Path directory;

  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final ApiUser user = new ApiUser("bob", Role.READER, "User2");
  private EventCheckpoints checkpoints;
  private EventFeed feed;

  private static LedgerEvent event(long block, String transactionId) {
    return new LedgerEvent(
        block, transactionId, "ShipmentEvent", "{}".getBytes(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void start() throws Exception {
    checkpoints = new EventCheckpoints(directory);
    checkpoints.start();
    feed = new EventFeed(ledger, checkpoints);
  }

  @AfterEach
  void stop() throws Exception {
    feed.stop();
    checkpoints.stop();
  }

  /** Writes every event to a client that stays, as a keep-alive written afterwards shows. */
  private void readAll(EventFeed.Subscription subscription) {
    try (subscription) {
      while (subscription.hasNext()) {
        subscription.delivered(subscription.next());
      }
      subscription.reached(subscription.written());
    }
  }

  @Test
  void an_older_stream_of_the_same_consumer_does_not_move_its_position_back_within_a_block() {
    ledger.events(ONE_BLOCK);

    readAll(feed.subscribe(user, Optional.of("sync"), Optional.empty()));
    try (EventFeed.Subscription older =
        feed.subscribe(user, Optional.of("sync"), Optional.of(new EventPosition(41, "aa01")))) {
      older.delivered(older.next()); // bb02, which a keep-alive confirms; then the client leaves
      older.reached(older.written());
    }

    assertThat(checkpoints.position("bob", "sync")).contains(new EventPosition(41, "cc03"));
  }

  @Test
  void a_stream_moves_its_consumer_forward_within_a_block_from_where_it_started() {
    ledger.events(ONE_BLOCK);
    checkpoints.advance("bob", "sync", new EventPosition(41, "aa01"), saved -> true);

    readAll(feed.subscribe(user, Optional.of("sync"), Optional.empty()));

    assertThat(ledger.streams.get(0).after).contains(new EventPosition(41, "aa01"));
    assertThat(checkpoints.position("bob", "sync")).contains(new EventPosition(41, "cc03"));
  }

  /**
   * A write that succeeds does not show that the client got the event: a client that just left
   * still takes one. Only a later write that succeeds does, so its consumer gets that event again.
   */
  @Test
  void an_event_written_just_before_the_client_left_is_sent_again_to_its_consumer() {
    ledger.events(ONE_BLOCK);

    try (EventFeed.Subscription stream =
        feed.subscribe(user, Optional.of("sync"), Optional.empty())) {
      stream.delivered(stream.next()); // aa01
      stream.delivered(stream.next()); // bb02, written as the client left; the next write fails
    }
    readAll(feed.subscribe(user, Optional.of("sync"), Optional.empty()));

    assertThat(ledger.streams.get(1).after).contains(new EventPosition(41, "aa01"));
  }

  @Test
  void a_keep_alive_confirms_the_events_written_before_it_only() {
    ledger.events(ONE_BLOCK);

    try (EventFeed.Subscription stream =
        feed.subscribe(user, Optional.of("sync"), Optional.empty())) {
      stream.delivered(stream.next()); // aa01
      long beforeKeepAlive = stream.written();
      stream.reached(beforeKeepAlive);
      assertThat(checkpoints.position("bob", "sync")).contains(new EventPosition(41, "aa01"));

      stream.delivered(stream.next()); // bb02, written while the keep-alive was under way
      stream.reached(beforeKeepAlive);
      assertThat(checkpoints.position("bob", "sync")).contains(new EventPosition(41, "aa01"));
    }
  }
}
