package io.tradeledger.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;

/**
 * An in-memory ledger for unit tests: committed world state, key-level endorsement policies,
 * history, private data collections and the transactions applied so far. Each {@link #submit} runs
 * a transaction against a fresh {@link FakeStub}; its writes are committed only if it returns
 * normally, as a valid Fabric transaction would be, so a rejected transaction leaves the state
 * unchanged. Reads inside a transaction see committed state only, as on a real peer.
 *
 * <p>This stands in for the chaincode stub, not for a Fabric network: endorsement policies are
 * recorded, never enforced here.
 */
public final class FakeLedger {
  /** Keys sorted by their UTF-8 bytes, as Fabric's state database sorts them. */
  static final Comparator<String> KEY_ORDER =
      (left, right) -> Arrays.compareUnsigned(left.getBytes(UTF_8), right.getBytes(UTF_8));

  final TreeMap<String, byte[]> state = new TreeMap<>(KEY_ORDER);
  final Map<String, byte[]> validationParameters = new HashMap<>();
  final Map<String, List<Modification>> history = new HashMap<>();
  final Map<String, TreeMap<String, byte[]>> privateData = new HashMap<>();
  private final List<FakeTransaction> transactions = new ArrayList<>();
  private Instant clock = Instant.parse("2026-03-01T08:00:00Z");
  private int sequence;
  private Runnable afterCommit = () -> {};

  /** One committed version of a key. */
  record Modification(String txId, Instant timestamp, byte[] value, boolean deleted) {}

  /** Runs a transaction that must be endorsed and committed; returns its result. */
  public <T> T submit(Identity caller, Function<Context, T> transaction) {
    return submit(caller, Map.of(), transaction);
  }

  /** As {@link #submit(Identity, Function)} with transient data. */
  public <T> T submit(
      Identity caller, Map<String, byte[]> transientData, Function<Context, T> transaction) {
    return run(caller, caller.mspId(), transientData, true, transaction);
  }

  /**
   * Runs a transaction on the peer of {@code peerMsp} (which may differ from the caller's
   * organization) with transient data, committing its writes if it succeeds.
   */
  public <T> T submitOnPeer(
      Identity caller,
      String peerMsp,
      Map<String, byte[]> transientData,
      Function<Context, T> transaction) {
    return run(caller, peerMsp, transientData, true, transaction);
  }

  /** Runs a read-only transaction: nothing it writes is committed. */
  public <T> T evaluate(Identity caller, Function<Context, T> transaction) {
    return run(caller, caller.mspId(), Map.of(), false, transaction);
  }

  /**
   * Runs {@code hook} after every committed transaction, for tests that look at the ledger at each
   * step of a longer scenario (the hook may evaluate, never submit).
   */
  public void afterEachCommit(Runnable hook) {
    afterCommit = hook;
  }

  /** Sets the timestamp of the next transaction; later ones follow one second apart. */
  public void setClock(Instant next) {
    clock = next;
  }

  /** Moves the clock forward to {@code at} if it is earlier; never moves it back. */
  public void advanceClockTo(Instant at) {
    if (clock.isBefore(at)) {
      clock = at;
    }
  }

  /** The last transaction run, committed or not. */
  public FakeTransaction lastTransaction() {
    if (transactions.isEmpty()) {
      throw new IllegalStateException("no transaction has run");
    }
    return transactions.get(transactions.size() - 1);
  }

  /** Drops the record of the transactions run so far (their writes stay committed). */
  public void forgetTransactions() {
    transactions.clear();
  }

  public List<FakeTransaction> transactions() {
    return List.copyOf(transactions);
  }

  /** The committed value of a key, as UTF-8 text. */
  public Optional<String> stateText(String key) {
    return Optional.ofNullable(state.get(key)).map(bytes -> new String(bytes, UTF_8));
  }

  /** Every committed key with its value as text, in key order: for "nothing changed" checks. */
  public Map<String, String> snapshot() {
    Map<String, String> copy = new TreeMap<>(KEY_ORDER);
    state.forEach((key, value) -> copy.put(key, new String(value, UTF_8)));
    privateData.forEach(
        (collection, values) ->
            values.forEach(
                (key, value) -> copy.put(collection + "/" + key, new String(value, UTF_8))));
    validationParameters.forEach(
        (key, value) -> copy.put("policy/" + key, java.util.HexFormat.of().formatHex(value)));
    return copy;
  }

  /** The committed private value of a key in a collection. */
  public Optional<byte[]> privateValue(String collection, String key) {
    return Optional.ofNullable(privateData.getOrDefault(collection, new TreeMap<>()).get(key));
  }

  private <T> T run(
      Identity caller,
      String peerMsp,
      Map<String, byte[]> transientData,
      boolean submit,
      Function<Context, T> transaction) {
    Instant timestamp = clock;
    clock = clock.plus(Duration.ofSeconds(1));
    String txId = String.format(java.util.Locale.ROOT, "tx%04d", ++sequence);
    FakeStub stub = new FakeStub(this, txId, timestamp, caller, peerMsp, transientData, submit);
    FakeTransaction record = new FakeTransaction(txId, timestamp, stub);
    transactions.add(record);
    T result;
    try {
      result = transaction.apply(new Context(stub));
    } catch (RuntimeException failure) {
      requireQueriesEnded(stub, failure);
      throw failure;
    }
    requireQueriesEnded(stub, null);
    if (submit) {
      commit(stub);
      record.markCommitted();
      afterCommit.run();
    }
    return result;
  }

  /**
   * Fails a transaction that left a query open on the peer, or closed one that had ended (a round
   * trip for nothing), whether it succeeded or failed.
   */
  private static void requireQueriesEnded(FakeStub stub, RuntimeException failure) {
    if (stub.iteratorsLeftOpen() > 0 || stub.needlessCloses() > 0) {
      throw new AssertionError(
          String.format(
              "%s left %d queries open and closed %d that had ended",
              stub.getTxId(), stub.iteratorsLeftOpen(), stub.needlessCloses()),
          failure);
    }
  }

  private void commit(FakeStub stub) {
    stub.writes.forEach(
        (key, value) -> {
          if (value == null) {
            state.remove(key);
          } else {
            state.put(key, value);
          }
          history
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(new Modification(stub.getTxId(), stub.getTxTimestamp(), value, value == null));
        });
    validationParameters.putAll(stub.validationParameterWrites);
    stub.privateWrites.forEach(
        (collection, values) ->
            values.forEach(
                (key, value) ->
                    privateData
                        .computeIfAbsent(collection, c -> new TreeMap<>(KEY_ORDER))
                        .put(key, value)));
  }

  static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
