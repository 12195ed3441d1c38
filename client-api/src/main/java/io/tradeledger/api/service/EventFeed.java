package io.tradeledger.api.service;

import io.dropwizard.lifecycle.Managed;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.ledger.EventCheckpoints;
import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerEvent;
import io.tradeledger.api.ledger.LedgerPort;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organization's chaincode events for one API user at a time. A subscription starts after the
 * client's Last-Event-ID when it sends one, otherwise after the last event this service delivered
 * to the same API user (kept in {@link EventCheckpoints}, so also across restarts), otherwise at
 * the next block. Delivery is at least once: the checkpoint moves after an event has been sent.
 */
public final class EventFeed implements Managed {
  private final LedgerPort ledger;
  private final EventCheckpoints checkpoints;
  private final Set<Subscription> open = ConcurrentHashMap.newKeySet();

  public EventFeed(LedgerPort ledger, EventCheckpoints checkpoints) {
    this.ledger = ledger;
    this.checkpoints = checkpoints;
  }

  /** Opens the user's stream after {@code lastEventId}, or after its checkpoint. */
  public Subscription subscribe(ApiUser user, Optional<EventPosition> lastEventId) {
    Optional<EventPosition> after =
        lastEventId.isPresent() ? lastEventId : checkpoints.position(user.name());
    Subscription subscription = new Subscription(user, ledger.events(user.fabricUser(), after));
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
    private final LedgerPort.EventStream events;

    private Subscription(ApiUser user, LedgerPort.EventStream events) {
      this.user = user;
      this.events = events;
    }

    /** Waits for the next event; false once the stream is closed. */
    public boolean hasNext() {
      return events.hasNext();
    }

    public LedgerEvent next() {
      return events.next();
    }

    /** The client has the event: a reconnection without Last-Event-ID resumes after it. */
    public void delivered(LedgerEvent event) {
      checkpoints.save(user.name(), EventPosition.after(event));
    }

    @Override
    public void close() {
      open.remove(this);
      events.close();
    }
  }
}
