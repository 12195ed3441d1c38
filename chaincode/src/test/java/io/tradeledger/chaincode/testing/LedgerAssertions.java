package io.tradeledger.chaincode.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.chaincode.errors.LedgerException;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions every contract test shares. */
public final class LedgerAssertions {
  private LedgerAssertions() {}

  /**
   * The action is rejected with {@code code} (message {@code CODE: ...}) and the committed ledger,
   * private data and policies included, is exactly as before.
   */
  public static void assertRejected(FakeLedger ledger, String code, ThrowingCallable action) {
    Map<String, String> before = ledger.snapshot();
    assertThatThrownBy(action)
        .isInstanceOf(LedgerException.class)
        .hasMessageStartingWith(code + ": ");
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  /** The last transaction emitted exactly one event, of this type, naming these ids. */
  public static void assertEvent(FakeLedger ledger, String type, Map<String, String> ids) {
    FakeTransaction transaction = ledger.lastTransaction();
    assertThat(transaction.eventsSet()).isEqualTo(1);
    assertThat(transaction.eventName()).isEqualTo(type);
    StringBuilder expectedIds = new StringBuilder("{");
    new java.util.TreeMap<>(ids)
        .forEach(
            (key, value) ->
                expectedIds
                    .append(expectedIds.length() > 1 ? "," : "")
                    .append('"')
                    .append(key)
                    .append("\":\"")
                    .append(value)
                    .append('"'));
    expectedIds.append('}');
    assertThat(transaction.eventPayload())
        .contains("\"ids\":" + expectedIds + ",")
        .contains("\"type\":\"" + type + "\"")
        .contains("\"txId\":\"" + transaction.txId() + "\"");
  }
}
