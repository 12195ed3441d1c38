package io.tradeledger.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.FakeTransaction;
import io.tradeledger.chaincode.testing.TradeScenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every endorsing peer must compute byte-identical writes, or the transaction fails. This runs the
 * whole trade on two independent ledgers (as two peers would) and compares every transaction's
 * result, writes, key-level policies, private writes and event, byte for byte.
 */
class DeterminismTest {

  @Test
  void the_same_transactions_produce_byte_identical_writes_results_and_events() {
    FakeLedger first = Consortium.foundedLedger();
    FakeLedger second = Consortium.foundedLedger();

    List<String> firstResults = new TradeScenario().run(first);
    List<String> secondResults = new TradeScenario().run(second);

    assertThat(secondResults).isEqualTo(firstResults);
    List<FakeTransaction> left = first.transactions();
    List<FakeTransaction> right = second.transactions();
    assertThat(right).hasSameSizeAs(left);
    for (int index = 0; index < left.size(); index++) {
      FakeTransaction a = left.get(index);
      FakeTransaction b = right.get(index);
      assertThat(b.rawWrites().keySet())
          .as(a.txId())
          .containsExactlyElementsOf(a.rawWrites().keySet());
      a.rawWrites()
          .forEach(
              (key, value) ->
                  assertThat(b.rawWrites().get(key)).as(a.txId() + " " + key).isEqualTo(value));
      assertThat(b.endorsementPolicies()).as(a.txId()).isEqualTo(a.endorsementPolicies());
      assertThat(b.privateWrites()).as(a.txId()).isEqualTo(a.privateWrites());
      assertThat(b.eventName()).as(a.txId()).isEqualTo(a.eventName());
      assertThat(b.eventPayload()).as(a.txId()).isEqualTo(a.eventPayload());
    }
    assertThat(second.snapshot()).isEqualTo(first.snapshot());
  }

  @Test
  void reads_return_identical_bytes_on_every_evaluation() {
    FakeLedger ledger = Consortium.foundedLedger();
    new TradeScenario().run(ledger);
    LedgerContract ledgerContract = new LedgerContract();

    String once =
        ledger.evaluate(Consortium.IMPORTER, context -> ledgerContract.getTimeline(context, "o-1"));
    String twice =
        ledger.evaluate(Consortium.IMPORTER, context -> ledgerContract.getTimeline(context, "o-1"));

    assertThat(twice).isEqualTo(once);
  }
}
