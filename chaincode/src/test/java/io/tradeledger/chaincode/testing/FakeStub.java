package io.tradeledger.chaincode.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The chaincode stub of one transaction on a {@link FakeLedger}. Writes are buffered until the
 * ledger commits them; reads see committed state only. Behaviours a real peer enforces and a
 * contract could get wrong are enforced here too: paginated queries only in read-only transactions,
 * private data readable only on a peer of the collection's organization, empty values refused.
 */
final class FakeStub implements ChaincodeStub {
  private static final String IMPLICIT_COLLECTION = "_implicit_org_";

  private final FakeLedger ledger;
  private final String txId;
  private final Instant timestamp;
  private final Identity caller;
  private final String peerMsp;
  private final Map<String, byte[]> transientData;
  private final boolean submit;

  final Map<String, byte[]> writes = new LinkedHashMap<>();
  final Map<String, byte[]> validationParameterWrites = new LinkedHashMap<>();
  final Map<String, Map<String, byte[]>> privateWrites = new TreeMap<>();
  String eventName;
  byte[] eventPayload;
  int eventsSet;

  /** What the transaction asked of the ledger, counted as a peer would serve it. */
  int stateReads;

  int rangeScans;
  int scannedEntries;
  int stateWrites;
  int policyReads;
  int policyWrites;
  int privateReads;
  int privateValueWrites;
  int historyReads;
  private final List<Results<?>> iterators = new ArrayList<>();
  private int needlessCloses;

  FakeStub(
      FakeLedger ledger,
      String txId,
      Instant timestamp,
      Identity caller,
      String peerMsp,
      Map<String, byte[]> transientData,
      boolean submit) {
    this.ledger = ledger;
    this.txId = txId;
    this.timestamp = timestamp;
    this.caller = caller;
    this.peerMsp = peerMsp;
    this.transientData = Map.copyOf(transientData);
    this.submit = submit;
  }

  Identity caller() {
    return caller;
  }

  @Override
  public String getTxId() {
    return txId;
  }

  @Override
  public Instant getTxTimestamp() {
    return timestamp;
  }

  @Override
  public byte[] getCreator() {
    return caller.serialized();
  }

  @Override
  public String getMspId() {
    return peerMsp;
  }

  @Override
  public Map<String, byte[]> getTransient() {
    return transientData;
  }

  @Override
  public String getChannelId() {
    return "trade";
  }

  @Override
  public byte[] getState(String key) {
    stateReads++;
    byte[] value = ledger.state.get(key);
    return value == null ? new byte[0] : value.clone();
  }

  @Override
  public void putState(String key, byte[] value) {
    if (value == null || value.length == 0) {
      throw new IllegalArgumentException("an empty value would delete " + key);
    }
    stateWrites++;
    writes.put(key, value.clone());
  }

  @Override
  public void delState(String key) {
    stateWrites++;
    writes.put(key, null);
  }

  @Override
  public byte[] getStateValidationParameter(String key) {
    policyReads++;
    return ledger.validationParameters.get(key);
  }

  @Override
  public void setStateValidationParameter(String key, byte[] value) {
    policyWrites++;
    validationParameterWrites.put(key, value.clone());
  }

  @Override
  public CompositeKey createCompositeKey(String objectType, String... attributes) {
    return new CompositeKey(objectType, attributes);
  }

  @Override
  public CompositeKey splitCompositeKey(String compositeKey) {
    return CompositeKey.parseCompositeKey(compositeKey);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
    return new Results<>(scanned(prefixed(ledger.state, compositeKey)));
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
      String objectType, String... attributes) {
    return getStateByPartialCompositeKey(createCompositeKey(objectType, attributes));
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
    return getStateByPartialCompositeKey(compositeKey.toString());
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
      CompositeKey compositeKey, int pageSize, String bookmark) {
    if (submit) {
      throw new UnsupportedOperationException(
          "paginated queries are only valid for read-only transactions");
    }
    List<KeyValue> all = prefixed(ledger.state, compositeKey.toString());
    rangeScans++;
    int start = 0;
    if (bookmark != null && !bookmark.isEmpty()) {
      while (start < all.size()
          && FakeLedger.KEY_ORDER.compare(all.get(start).getKey(), bookmark) < 0) {
        start++;
      }
    }
    int end = Math.min(all.size(), start + pageSize);
    String next = end < all.size() ? all.get(end).getKey() : "";
    QueryResponseMetadata metadata =
        QueryResponseMetadata.newBuilder()
            .setFetchedRecordsCount(end - start)
            .setBookmark(next)
            .build();
    scannedEntries += end - start;
    return new Results<>(all.subList(start, end), metadata);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
    List<KeyValue> values = new ArrayList<>();
    ledger
        .state
        .subMap(startKey, true, endKey, false)
        .forEach((key, value) -> values.add(new Entry(key, value)));
    return new Results<>(scanned(values));
  }

  @Override
  public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
    historyReads++;
    List<KeyModification> modifications = new ArrayList<>();
    List<FakeLedger.Modification> versions = ledger.history.getOrDefault(key, List.of());
    for (int index = versions.size() - 1; index >= 0; index--) {
      modifications.add(new Version(versions.get(index)));
    }
    return new Results<>(modifications);
  }

  @Override
  public byte[] getPrivateData(String collection, String key) {
    if (collection.startsWith(IMPLICIT_COLLECTION)
        && !collection.equals(IMPLICIT_COLLECTION + peerMsp)) {
      throw new IllegalStateException(
          "peer of " + peerMsp + " is not a member of collection " + collection);
    }
    privateReads++;
    return ledger.privateValue(collection, key).map(byte[]::clone).orElse(null);
  }

  @Override
  public byte[] getPrivateDataHash(String collection, String key) {
    privateReads++;
    return ledger.privateValue(collection, key).map(FakeLedger::sha256).orElse(null);
  }

  @Override
  public void putPrivateData(String collection, String key, byte[] value) {
    if (value == null || value.length == 0) {
      throw new IllegalArgumentException("an empty value would delete " + key);
    }
    privateValueWrites++;
    privateWrites
        .computeIfAbsent(collection, c -> new TreeMap<>(FakeLedger.KEY_ORDER))
        .put(key, value.clone());
  }

  @Override
  public void setEvent(String name, byte[] payload) {
    eventName = name;
    eventPayload = payload == null ? null : payload.clone();
    eventsSet++;
  }

  @Override
  public ChaincodeEvent getEvent() {
    if (eventName == null) {
      return null;
    }
    return ChaincodeEvent.newBuilder()
        .setEventName(eventName)
        .setTxId(txId)
        .setPayload(com.google.protobuf.ByteString.copyFrom(eventPayload))
        .build();
  }

  // What the contract never uses: refused loudly rather than faked.

  @Override
  public List<byte[]> getArgs() {
    throw unsupported();
  }

  @Override
  public List<String> getStringArgs() {
    throw unsupported();
  }

  @Override
  public String getFunction() {
    throw unsupported();
  }

  @Override
  public List<String> getParameters() {
    throw unsupported();
  }

  @Override
  public Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
    throw unsupported();
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
      String startKey, String endKey, int pageSize, String bookmark) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getQueryResult(String query) {
    throw new UnsupportedOperationException("rich queries need CouchDB; the network uses LevelDB");
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
      String query, int pageSize, String bookmark) {
    throw new UnsupportedOperationException("rich queries need CouchDB; the network uses LevelDB");
  }

  @Override
  public byte[] getPrivateDataValidationParameter(String collection, String key) {
    throw unsupported();
  }

  @Override
  public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
    throw unsupported();
  }

  @Override
  public void delPrivateData(String collection, String key) {
    throw unsupported();
  }

  @Override
  public void purgePrivateData(String collection, String key) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByRange(
      String collection, String startKey, String endKey) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String compositeKey) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, CompositeKey compositeKey) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String objectType, String... attributes) {
    throw unsupported();
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
    throw unsupported();
  }

  @Override
  public SignedProposal getSignedProposal() {
    throw unsupported();
  }

  @Override
  public byte[] getBinding() {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("not used by the trade contract");
  }

  private List<KeyValue> scanned(List<KeyValue> entries) {
    rangeScans++;
    scannedEntries += entries.size();
    return entries;
  }

  private static List<KeyValue> prefixed(TreeMap<String, byte[]> values, String prefix) {
    List<KeyValue> matches = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : values.tailMap(prefix, true).entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        break;
      }
      matches.add(new Entry(entry.getKey(), entry.getValue()));
    }
    return matches;
  }

  private record Entry(String key, byte[] value) implements KeyValue {
    @Override
    public String getKey() {
      return key;
    }

    @Override
    public byte[] getValue() {
      return value.clone();
    }

    @Override
    public String getStringValue() {
      return new String(value, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private record Version(FakeLedger.Modification modification) implements KeyModification {
    @Override
    public String getTxId() {
      return modification.txId();
    }

    @Override
    public byte[] getValue() {
      return modification.value() == null ? new byte[0] : modification.value().clone();
    }

    @Override
    public String getStringValue() {
      return new String(getValue(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public Instant getTimestamp() {
      return modification.timestamp();
    }

    @Override
    public boolean isDeleted() {
      return modification.deleted();
    }
  }

  /**
   * Iterators the transaction left open: neither read to their end (which ends the query on a peer)
   * nor closed. The peer would end them with the transaction; the contract never should.
   */
  long iteratorsLeftOpen() {
    return iterators.stream().filter(results -> !results.ended()).count();
  }

  /** Closes sent for queries that had already ended: each a round trip to a peer for nothing. */
  int needlessCloses() {
    return needlessCloses;
  }

  /**
   * An iterator as the peer serves one: a query ends when its last result has been read or when it
   * is closed; reading after a close fails.
   */
  private final class Results<T>
      implements QueryResultsIterator<T>, QueryResultsIteratorWithMetadata<T> {
    private final List<T> values;
    private final QueryResponseMetadata metadata;
    private boolean closed;
    private boolean drained;

    Results(List<T> values) {
      this(values, QueryResponseMetadata.getDefaultInstance());
    }

    Results(List<T> values, QueryResponseMetadata metadata) {
      this.values = List.copyOf(values);
      this.metadata = metadata;
      iterators.add(this);
    }

    boolean ended() {
      return closed || drained;
    }

    @Override
    public Iterator<T> iterator() {
      if (closed) {
        throw new IllegalStateException("iterator used after close");
      }
      Iterator<T> each = values.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          boolean more = each.hasNext();
          drained |= !more;
          return more;
        }

        @Override
        public T next() {
          return each.next();
        }
      };
    }

    @Override
    public QueryResponseMetadata getMetadata() {
      return metadata;
    }

    @Override
    public void close() {
      if (ended()) {
        needlessCloses++;
      }
      closed = true;
    }
  }
}
