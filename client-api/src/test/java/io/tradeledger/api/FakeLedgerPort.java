package io.tradeledger.api;

import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerCall;
import io.tradeledger.api.ledger.LedgerEvent;
import io.tradeledger.api.ledger.LedgerPort;
import io.tradeledger.api.ledger.TransactionStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A hand-written stand-in for the ledger in resource tests: it records every call and answers with
 * whatever the test configured. It is not a Fabric network and checks nothing a contract would.
 * Every test makes its own.
 */
final class FakeLedgerPort implements LedgerPort {
  record Recorded(String fabricUser, LedgerCall call, boolean submitted) {}

  final List<Recorded> calls = new CopyOnWriteArrayList<>();
  final List<FakeStream> streams = new CopyOnWriteArrayList<>();
  private volatile Function<LedgerCall, String> answer = call -> "{}";
  private volatile List<LedgerEvent> events = List.of();
  private volatile boolean holdStreamsOpen;
  volatile boolean reachable = true;
  private volatile Function<String, TransactionStatus> statuses = TransactionStatus::unknown;
  final List<String> statusQueries = new CopyOnWriteArrayList<>();

  private record Crash(String transactionId, String result, RuntimeException failure) {}

  private final AtomicReference<Crash> nextCrash = new AtomicReference<>();

  /**
   * The next submission is endorsed as {@code transactionId}, returning {@code result}, and sent to
   * the orderer; then, instead of its answer, comes {@code failure} (as when the service dies).
   */
  void crashAfterOrdering(String transactionId, String result, RuntimeException failure) {
    nextCrash.set(new Crash(transactionId, result, failure));
  }

  /** What {@link #transactionStatus} answers; UNKNOWN for every transaction unless set. */
  void statuses(Function<String, TransactionStatus> statuses) {
    this.statuses = statuses;
  }

  /** Ends every held stream, and lets the streams opened from now on end after their events. */
  void endStreams() {
    holdStreamsOpen = false;
    streams.forEach(FakeStream::close);
  }

  void answer(Function<LedgerCall, String> answer) {
    this.answer = answer;
  }

  void answer(String json) {
    this.answer = call -> json;
  }

  void fail(RuntimeException failure) {
    this.answer =
        call -> {
          throw failure;
        };
  }

  /** The events every stream has; after them a stream ends, or with {@code hold} waits. */
  void events(List<LedgerEvent> events, boolean hold) {
    this.events = List.copyOf(events);
    this.holdStreamsOpen = hold;
  }

  void events(List<LedgerEvent> events) {
    events(events, false);
  }

  Recorded last() {
    return calls.get(calls.size() - 1);
  }

  @Override
  public String mspId() {
    return "ImporterMSP";
  }

  @Override
  public byte[] evaluate(String fabricUser, LedgerCall call) {
    calls.add(new Recorded(fabricUser, call, false));
    return answer.apply(call).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Submitted submit(String fabricUser, LedgerCall call, Ordering ordering) {
    calls.add(new Recorded(fabricUser, call, true));
    Crash crash = nextCrash.getAndSet(null);
    if (crash != null) {
      ordering.ordering(crash.transactionId(), crash.result().getBytes(StandardCharsets.UTF_8));
      throw crash.failure();
    }
    String result = answer.apply(call);
    return new Submitted("tx" + calls.size(), result.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public EventStream events(String fabricUser, Optional<EventPosition> after) {
    List<LedgerEvent> remaining = new ArrayList<>();
    boolean skipping = after.isPresent();
    for (LedgerEvent event : events) {
      if (!skipping) {
        remaining.add(event);
      } else if (EventPosition.after(event).equals(after.get())) {
        skipping = false;
      }
    }
    FakeStream stream = new FakeStream(after, remaining.iterator(), holdStreamsOpen);
    streams.add(stream);
    return stream;
  }

  @Override
  public TransactionStatus transactionStatus(String fabricUser, String transactionId) {
    statusQueries.add(transactionId);
    return statuses.apply(transactionId);
  }

  @Override
  public boolean reachable() {
    return reachable;
  }

  /** A stream of the configured events; a held one then blocks until it is closed. */
  static final class FakeStream implements EventStream {
    final Optional<EventPosition> after;
    private final Iterator<LedgerEvent> events;
    private final boolean hold;
    private final CountDownLatch closed = new CountDownLatch(1);

    FakeStream(Optional<EventPosition> after, Iterator<LedgerEvent> events, boolean hold) {
      this.after = after;
      this.events = events;
      this.hold = hold;
    }

    @Override
    public boolean hasNext() {
      if (events.hasNext()) {
        return true;
      }
      if (hold) {
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return false;
    }

    @Override
    public LedgerEvent next() {
      return events.next();
    }

    @Override
    public void close() {
      closed.countDown();
    }

    boolean awaitClosed(long seconds) throws InterruptedException {
      return closed.await(seconds, TimeUnit.SECONDS);
    }
  }
}
