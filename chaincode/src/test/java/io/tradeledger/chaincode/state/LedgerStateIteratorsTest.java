package io.tradeledger.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A query read to its end is over on the peer, so LedgerState does not close it (a close is a round
 * trip); one cut short by a failure is closed. The fake ledger fails a transaction that leaves a
 * query open or closes one that had ended, so every contract test checks this too.
 */
class LedgerStateIteratorsTest {
  private final FakeLedger ledger = Consortium.foundedLedger();

  private record Item(String name) {}

  @Test
  void a_scan_read_to_its_end_is_neither_left_open_nor_closed_again() {
    ledger.submit(
        Consortium.IMPORTER,
        context -> {
          LedgerState state = new LedgerState(context.getStub());
          state.put(state.key("item", "a"), new Item("a"));
          state.put(state.key("item", "b"), new Item("b"));
          state.index("item-by", "x", "a");
          state.index("item-by", "x", "b");
          return null;
        });

    Map<String, Object> read =
        ledger.evaluate(
            Consortium.IMPORTER,
            context -> {
              LedgerState state = new LedgerState(context.getStub());
              return Map.of(
                  "items", state.list("item", Item.class),
                  "ids", state.indexed("item-by", "x"),
                  "none", state.indexed("item-by", "y"),
                  "history", state.history(state.key("item", "a"), Item.class).size());
            });

    assertThat(read)
        .containsEntry("items", List.of(new Item("a"), new Item("b")))
        .containsEntry("ids", List.of("a", "b"))
        .containsEntry("none", List.of())
        .containsEntry("history", 1);
  }

  @Test
  void a_scan_cut_short_by_a_failure_is_closed() {
    ledger.submit(
        Consortium.IMPORTER,
        context -> {
          context.getStub().putStringState(new LedgerState(null).key("item", "a"), "not json");
          return null;
        });

    Throwable failure =
        catchThrowable(
            () ->
                ledger.evaluate(
                    Consortium.IMPORTER,
                    context -> new LedgerState(context.getStub()).list("item", Item.class)));

    // The fake ledger answers a query left open with an AssertionError instead.
    assertThat(failure)
        .isInstanceOf(RuntimeException.class)
        .hasMessageNotContaining("queries open");
  }
}
