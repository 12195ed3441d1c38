package io.tradeledger.api;

import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerCall;
import io.tradeledger.api.ledger.LedgerEvent;
import io.tradeledger.api.ledger.LedgerPort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A hand-written stand-in for the ledger in resource tests: it records every call and answers with
 * whatever the test configured. It is not a Fabric network and checks nothing a contract would.
 */
final class FakeLedgerPort implements LedgerPort {
  record Recorded(String fabricUser, LedgerCall call, boolean submitted) {}

  final List<Recorded> calls = new CopyOnWriteArrayList<>();
  final List<Optional<EventPosition>> streamsOpened = new CopyOnWriteArrayList<>();
  private volatile Function<LedgerCall, String> answer = call -> "{}";
  private volatile List<LedgerEvent> events = List.of();
  volatile boolean reachable = true;

  void reset() {
    calls.clear();
    streamsOpened.clear();
    answer = call -> "{}";
    events = List.of();
    reachable = true;
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

  void events(List<LedgerEvent> events) {
    this.events = List.copyOf(events);
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
  public Submitted submit(String fabricUser, LedgerCall call) {
    calls.add(new Recorded(fabricUser, call, true));
    String result = answer.apply(call);
    return new Submitted("tx" + calls.size(), result.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public EventStream events(String fabricUser, Optional<EventPosition> after) {
    streamsOpened.add(after);
    List<LedgerEvent> remaining = new ArrayList<>();
    boolean skipping = after.isPresent();
    for (LedgerEvent event : events) {
      if (!skipping) {
        remaining.add(event);
      } else if (EventPosition.after(event).equals(after.get())) {
        skipping = false;
      }
    }
    Iterator<LedgerEvent> iterator = remaining.iterator();
    return new EventStream() {
      @Override
      public boolean hasNext() {
        return iterator.hasNext();
      }

      @Override
      public LedgerEvent next() {
        return iterator.next();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean reachable() {
    return reachable;
  }
}
