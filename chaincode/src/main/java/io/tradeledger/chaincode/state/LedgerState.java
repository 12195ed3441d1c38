package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.json.CanonicalJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The world state as the repositories see it: canonical JSON values under composite keys, key-level
 * endorsement policies, index entries, paginated listings, history and private data.
 *
 * <p>Every iterator is read to its end or closed before a method returns. One read to its end needs
 * no close: the peer ends a query with the answer that says there is no more (and ends any left
 * open with the transaction), while the shim's close is one more round trip to the peer for
 * nothing, as much as the scan itself on a short index.
 */
public final class LedgerState {
  /** The value of an index entry; an empty value would mean deletion to Fabric. */
  private static final byte[] INDEX_VALUE = {0};

  /** What separates a composite key's segments (and starts it). */
  private static final char DELIMITER = '\u0000';

  /** U+10FFFF, which the shim refuses in a segment: it ends every partial key's range. */
  private static final String MAX_CODE_POINT =
      new String(Character.toChars(Character.MAX_CODE_POINT));

  private final ChaincodeStub stub;

  public LedgerState(ChaincodeStub stub) {
    this.stub = stub;
  }

  /**
   * The composite key of a record, exactly as the shim's {@link CompositeKey} writes it: U+0000,
   * then the object type and each attribute followed by U+0000. Built here because the shim
   * compiles a regular expression for every segment it checks; a segment the shim refuses (one
   * holding U+0000 or U+10FFFF, or null) is handed to the shim, which refuses it as it always did.
   */
  public String key(String objectType, String... attributes) {
    if (!isPlainSegment(objectType)) {
      return new CompositeKey(objectType, attributes).toString();
    }
    StringBuilder key =
        new StringBuilder(64).append(DELIMITER).append(objectType).append(DELIMITER);
    for (String attribute : attributes) {
      if (!isPlainSegment(attribute)) {
        return new CompositeKey(objectType, attributes).toString();
      }
      key.append(attribute).append(DELIMITER);
    }
    return key.toString();
  }

  private static boolean isPlainSegment(String segment) {
    return segment != null && segment.indexOf(DELIMITER) < 0 && segment.indexOf(MAX_CODE_POINT) < 0;
  }

  public boolean exists(String key) {
    byte[] value = stub.getState(key);
    return value != null && value.length > 0;
  }

  public <T> Optional<T> get(String key, Class<T> type) {
    byte[] value = stub.getState(key);
    if (value == null || value.length == 0) {
      return Optional.empty();
    }
    return Optional.of(CanonicalJson.read(value, type));
  }

  public void put(String key, Object value) {
    stub.putState(key, CanonicalJson.bytes(value));
  }

  /**
   * Sets the key-level endorsement policy of a key: every listed organization's peer must endorse
   * any later change of it.
   */
  public void endorsedByAll(String key, Collection<String> mspIds) {
    StateBasedEndorsement policy =
        StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
    policy.addOrgs(
        StateBasedEndorsement.RoleType.RoleTypePeer,
        mspIds.stream().distinct().sorted().toArray(String[]::new));
    stub.setStateValidationParameter(key, policy.policy());
  }

  /** Organizations named by a key's endorsement policy, sorted; empty when it has none. */
  public List<String> endorsers(String key) {
    byte[] policy = stub.getStateValidationParameter(key);
    if (policy == null || policy.length == 0) {
      return List.of();
    }
    return StateBasedEndorsementFactory.getInstance()
        .newStateBasedEndorsement(policy)
        .listOrgs()
        .stream()
        .sorted()
        .toList();
  }

  /** Writes an index entry: a composite key whose attributes are the data. */
  public void index(String objectType, String... attributes) {
    stub.putState(key(objectType, attributes), INDEX_VALUE);
  }

  /** The values under a partial composite key, in key order. */
  public <T> List<T> list(String objectType, Class<T> type, String... attributes) {
    List<T> values = new ArrayList<>();
    drain(
        stub.getStateByPartialCompositeKey(stub.createCompositeKey(objectType, attributes)),
        entry -> values.add(CanonicalJson.read(entry.getValue(), type)));
    return List.copyOf(values);
  }

  /**
   * The attribute following the given ones in each index entry under a partial key, in key order:
   * for {@code index("party-order", msp, orderId)}, {@code indexed("party-order", msp)} gives the
   * order ids.
   */
  public List<String> indexed(String objectType, String... attributes) {
    List<String> values = new ArrayList<>();
    drain(
        stub.getStateByPartialCompositeKey(stub.createCompositeKey(objectType, attributes)),
        entry -> values.add(attributeAfter(entry.getKey(), attributes.length)));
    return List.copyOf(values);
  }

  /**
   * A page of the index entries under a partial key, each turned into a record by {@code load} from
   * the attribute following the given ones. Only for evaluated (read-only) transactions: the peer
   * refuses paginated queries in submitted ones.
   */
  public <T> Page<T> page(
      int pageSize,
      String bookmark,
      Function<String, Optional<T>> load,
      String objectType,
      String... attributes) {
    List<T> records = new ArrayList<>();
    QueryResultsIteratorWithMetadata<KeyValue> results =
        stub.getStateByPartialCompositeKeyWithPagination(
            stub.createCompositeKey(objectType, attributes),
            pageSize,
            bookmark == null ? "" : bookmark);
    drain(
        results,
        entry ->
            load.apply(attributeAfter(entry.getKey(), attributes.length)).ifPresent(records::add));
    QueryResponseMetadata metadata = results.getMetadata();
    String next = metadata.getFetchedRecordsCount() < pageSize ? null : metadata.getBookmark();
    return new Page<>(records, next);
  }

  /** Every version of a key, newest first as Fabric returns them. */
  public <T> List<HistoryEntry<T>> history(String key, Class<T> type) {
    List<HistoryEntry<T>> entries = new ArrayList<>();
    drain(
        stub.getHistoryForKey(key),
        modification -> {
          T value =
              modification.isDeleted() || modification.getValue().length == 0
                  ? null
                  : CanonicalJson.read(modification.getValue(), type);
          entries.add(
              new HistoryEntry<>(
                  modification.getTxId(),
                  modification.getTimestamp(),
                  modification.isDeleted(),
                  value));
        });
    return List.copyOf(entries);
  }

  public void putPrivate(String collection, String key, byte[] value) {
    stub.putPrivateData(collection, key, value);
  }

  public Optional<byte[]> getPrivate(String collection, String key) {
    byte[] value = stub.getPrivateData(collection, key);
    return value == null || value.length == 0 ? Optional.empty() : Optional.of(value);
  }

  /** The SHA-256 of a private value, readable on every peer, even one outside the collection. */
  public Optional<byte[]> privateHash(String collection, String key) {
    byte[] hash = stub.getPrivateDataHash(collection, key);
    return hash == null || hash.length == 0 ? Optional.empty() : Optional.of(hash);
  }

  /**
   * The attribute at {@code position} of a composite key the ledger returned, as {@link
   * CompositeKey#parseCompositeKey} would give it, without checking every segment again.
   */
  static String attributeAfter(String compositeKey, int position) {
    int start = -1;
    int end = -1;
    if (!compositeKey.isEmpty()
        && compositeKey.charAt(0) == DELIMITER
        && compositeKey.indexOf(MAX_CODE_POINT) < 0) {
      // Segment 0 is empty (the key starts with the delimiter), segment 1 the object type.
      start = 1;
      for (int segment = 0; segment <= position && start > 0; segment++) {
        start = compositeKey.indexOf(DELIMITER, start) + 1;
      }
      end = start > 0 ? compositeKey.indexOf(DELIMITER, start) : -1;
    }
    if (end <= start) {
      // Not one of our keys, or an empty segment, which the shim's split may drop: let it decide.
      return CompositeKey.parseCompositeKey(compositeKey).getAttributes().get(position);
    }
    return compositeKey.substring(start, end);
  }

  /**
   * Hands each result to {@code each} up to the last, which leaves nothing open on the peer; closes
   * the iterator only when reading stops early, on a failure.
   */
  private static <T> void drain(Iterable<T> results, Consumer<T> each) {
    try {
      for (T result : results) {
        each.accept(result);
      }
    } catch (RuntimeException failure) {
      try {
        if (results instanceof AutoCloseable query) {
          query.close();
        }
      } catch (Exception closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
  }
}
