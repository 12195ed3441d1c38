package io.tradeledger.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;

/** What one transaction did: its writes, key-level policies, private writes and event. */
public final class FakeTransaction {
  private final String txId;
  private final Instant timestamp;
  private final FakeStub stub;
  private boolean committed;

  FakeTransaction(String txId, Instant timestamp, FakeStub stub) {
    this.txId = txId;
    this.timestamp = timestamp;
    this.stub = stub;
  }

  void markCommitted() {
    committed = true;
  }

  public String txId() {
    return txId;
  }

  public Instant timestamp() {
    return timestamp;
  }

  public boolean committed() {
    return committed;
  }

  /** Public writes as UTF-8 text, in key order (a deletion maps to null). */
  public Map<String, String> writes() {
    Map<String, String> writes = new TreeMap<>(FakeLedger.KEY_ORDER);
    stub.writes.forEach(
        (key, value) -> writes.put(key, value == null ? null : new String(value, UTF_8)));
    return writes;
  }

  /** Raw public writes in key order. */
  public Map<String, byte[]> rawWrites() {
    Map<String, byte[]> writes = new TreeMap<>(FakeLedger.KEY_ORDER);
    writes.putAll(stub.writes);
    return writes;
  }

  /** The organizations each key-level policy set by this transaction names, sorted. */
  public Map<String, List<String>> endorsementPolicies() {
    return stub.validationParameterWrites.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                entry ->
                    StateBasedEndorsementFactory.getInstance()
                        .newStateBasedEndorsement(entry.getValue())
                        .listOrgs()
                        .stream()
                        .sorted()
                        .toList(),
                (left, right) -> right,
                () -> new TreeMap<>(FakeLedger.KEY_ORDER)));
  }

  /** Private writes by collection, then key, as UTF-8 text. */
  public Map<String, Map<String, String>> privateWrites() {
    Map<String, Map<String, String>> writes = new TreeMap<>();
    stub.privateWrites.forEach(
        (collection, values) -> {
          Map<String, String> text = new TreeMap<>(FakeLedger.KEY_ORDER);
          values.forEach((key, value) -> text.put(key, new String(value, UTF_8)));
          writes.put(collection, text);
        });
    return writes;
  }

  /** The event's name, or null when the transaction set none. */
  public String eventName() {
    return stub.eventName;
  }

  /** The event's payload as text, or null. */
  public String eventPayload() {
    return stub.eventPayload == null ? null : new String(stub.eventPayload, UTF_8);
  }

  /** Who submitted or evaluated the transaction. */
  public Identity caller() {
    return stub.caller();
  }

  /** What the transaction asked of the ledger, counted by kind. */
  public StateAccess access() {
    return new StateAccess(
        stub.stateReads,
        stub.rangeScans,
        stub.scannedEntries,
        stub.stateWrites,
        stub.policyReads,
        stub.policyWrites,
        stub.privateReads,
        stub.privateValueWrites,
        stub.historyReads);
  }

  /** How many times the transaction called setEvent (the contract promises exactly one). */
  public int eventsSet() {
    return stub.eventsSet;
  }
}
