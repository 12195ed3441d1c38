package io.tradeledger.api.service;

import io.dropwizard.lifecycle.Managed;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.ledger.EventCheckpoints;
import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerEvent;
import io.tradeledger.api.ledger.LedgerPort;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organization's chaincode events for one stream at a time. A subscription starts after the
 * client's Last-Event-ID when it sends one, otherwise after the last event this service delivered
 * to the same named consumer of the same API user (kept in {@link EventCheckpoints}, so also across
 * restarts), otherwise at the next block. Only a named consumer has a position kept for it: two
 * consumers of one user never move each other's position. Delivery is at least once: the checkpoint
 * moves past an event once a later write on the same connection succeeded (see {@link
 * Subscription#delivered}).
 */
public final class EventFeed implements Managed {
  private final LedgerPort ledger;
  private final EventCheckpoints checkpoints;
  private final Set<Subscription> open = ConcurrentHashMap.newKeySet();

  public EventFeed(LedgerPort ledger, EventCheckpoints checkpoints) {
    this.ledger = ledger;
    this.checkpoints = checkpoints;
  }

  /**
   * Opens a stream after {@code lastEventId}, or else after the consumer's checkpoint.
   *
   * @param consumer the name under which the service keeps this stream's position, if any
   */
  public Subscription subscribe(
      ApiUser user, Optional<String> consumer, Optional<EventPosition> lastEventId) {
    Optional<EventPosition> after =
        lastEventId.isPresent()
            ? lastEventId
            : consumer.flatMap(name -> checkpoints.position(user.name(), name));
    Subscription subscription =
        new Subscription(user, consumer, after, ledger.events(user.fabricUser(), after));
    open.add(subscription);
    return subscription;
  }

  /** How many subscriptions are open. */
  public int openSubscriptions() {
    return open.size();
  }

  /** Ends every open subscription, so that no stream holds the service up while it stops. */
  @Override
  public void stop() {
    open.forEach(Subscription::close);
  }

  /** One client's stream; closing it (from any thread) ends a blocked {@link #hasNext()}. */
  public final class Subscription implements AutoCloseable {
    private final ApiUser user;
    private final Optional<String> consumer;
    private final Optional<EventPosition> start;
    private final LedgerPort.EventStream events;

    /** The transactions of the current block this stream delivered, to order positions in it. */
    private final Set<String> deliveredInBlock = new HashSet<>();

    private long block = -1;

    /** The last event written to the client, until a later write shows that it got through. */
    private LedgerEvent unconfirmed;

    /** How many events were written; which of them the consumer's position counts up to. */
    private long written;

    private long confirmed;

    private volatile boolean closed;

    private Subscription(
        ApiUser user,
        Optional<String> consumer,
        Optional<EventPosition> start,
        LedgerPort.EventStream events) {
      this.user = user;
      this.consumer = consumer;
      this.start = start;
      this.events = events;
    }

    /** Waits for the next event; false once the stream is closed. */
    public boolean hasNext() {
      try {
        return events.hasNext();
      } catch (RuntimeException e) {
        if (closed) {
          return false; // the Gateway's stream reports its own cancellation as a failure
        }
        throw e;
      }
    }

    public LedgerEvent next() {
      return events.next();
    }

    /**
     * The event was written to the client's connection. A write that succeeds does not show that
     * the client got it (a client that just left still takes one write), so the consumer's position
     * moves past an event only once a later write on the same connection succeeded: the next event
     * (here) or a keep-alive ({@link #reached}). The last event before a client left is sent again
     * to its consumer: delivery is at least once.
     */
    public synchronized void delivered(LedgerEvent event) {
      if (unconfirmed != null) {
        confirm(unconfirmed, written);
      }
      if (event.blockNumber() != block) {
        block = event.blockNumber();
        deliveredInBlock.clear();
      }
      deliveredInBlock.add(event.transactionId());
      unconfirmed = event;
      written++;
    }

    /** How many events were written so far: a keep-alive written afterwards confirms them. */
    public synchronized long written() {
      return written;
    }

    /** A keep-alive begun after {@code count} events were written reached the connection. */
    public synchronized void reached(long count) {
      if (unconfirmed != null && count == written) {
        confirm(unconfirmed, written);
        unconfirmed = null;
      }
    }

    private void confirm(LedgerEvent event, long number) {
      if (number <= confirmed) {
        return;
      }
      confirmed = number;
      consumer.ifPresent(
          name -> checkpoints.advance(user.name(), name, EventPosition.after(event), this::passed));
    }

    /** Whether this stream started at or delivered {@code position}, a position of its block. */
    private boolean passed(EventPosition position) {
      return start.filter(position::equals).isPresent()
          || (position.blockNumber() == block
              && deliveredInBlock.contains(position.transactionId()));
    }

    @Override
    public void close() {
      closed = true;
      open.remove(this);
      events.close();
    }
  }
}
