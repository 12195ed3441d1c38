package io.tradeledger.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.ledger.LedgerCall;
import io.tradeledger.api.ledger.LedgerPort;
import io.tradeledger.api.ledger.LedgerRejection;
import io.tradeledger.api.ledger.TransactionStatus;
import io.tradeledger.contract.PageRequest;
import io.tradeledger.contract.errors.Violation;
import io.tradeledger.contract.transactions.Argument;
import io.tradeledger.contract.transactions.Evaluate;
import io.tradeledger.contract.transactions.Submit;
import io.tradeledger.contract.transactions.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Calls the contract as the API user's Fabric identity, each transaction as contract-api declares
 * it (so the compiler checks intent and input), request bodies read into contract-api's records
 * with ids from the URL merged in, and listings whose Fabric bookmarks become opaque cursors.
 */
public final class LedgerService {
  private static final Pattern TRANSACTION_ID = Pattern.compile("[0-9a-f]{64}");

  private final LedgerPort ledger;
  private final ObjectMapper mapper;

  public LedgerService(LedgerPort ledger, ObjectMapper mapper) {
    this.ledger = ledger;
    this.mapper = mapper;
  }

  /**
   * Evaluates a read-only transaction; returns the contract's JSON as the contract wrote it
   * (UTF-8), for the response to pass on byte for byte.
   */
  public <I> byte[] read(ApiUser user, Evaluate<I> transaction, I input) {
    return read(user, LedgerCall.of(transaction, arguments(transaction, input)));
  }

  /** Evaluates a read-only transaction without parameters. */
  public byte[] read(ApiUser user, Evaluate<Void> transaction) {
    return read(user, transaction, null);
  }

  /** Evaluates a read of the caller's own private data on its own organization's peer. */
  public <I> byte[] readOnOwnPeer(ApiUser user, Evaluate<I> transaction, I input) {
    return read(user, LedgerCall.onOwnPeer(transaction, arguments(transaction, input)));
  }

  private byte[] read(ApiUser user, LedgerCall call) {
    return ledger.evaluate(user.fabricUser(), call);
  }

  /** Submits a transaction; returns its id and the contract's JSON. */
  public <I> Outcome submit(ApiUser user, Submit<I> transaction, I input) {
    return submit(user, LedgerCall.of(transaction, arguments(transaction, input)));
  }

  /** Submits a transaction carrying private data, endorsed by the caller's own peer only. */
  public <I> Outcome submitPrivately(
      ApiUser user, Submit<I> transaction, I input, Map<String, byte[]> transientData) {
    return submit(
        user, LedgerCall.privately(transaction, transientData, arguments(transaction, input)));
  }

  private Outcome submit(ApiUser user, LedgerCall call) {
    LedgerPort.Submitted submitted = ledger.submit(user.fabricUser(), call);
    return new Outcome(submitted.transactionId(), text(submitted.result()));
  }

  /**
   * What became of a transaction; 422 INVALID_INPUT for an id that is not a transaction id (the hex
   * SHA-256 that Fabric makes).
   */
  public TransactionStatus transactionStatus(ApiUser user, String transactionId) {
    if (transactionId == null || !TRANSACTION_ID.matcher(transactionId).matches()) {
      throw new InvalidRequest("a transaction id is 64 lower-case hex digits");
    }
    return ledger.transactionStatus(user.fabricUser(), transactionId);
  }

  /**
   * A page of a listing: the contract's {@code {records, bookmark}} becomes {@code {records,
   * nextCursor}}, the cursor being the bookmark in URL-safe Base64. The contract checks the page
   * size (1 to 100; anything else is 422 INVALID_INPUT).
   */
  public String page(
      ApiUser user, Evaluate<PageRequest> transaction, String pageSize, String cursor) {
    return write(cursorPage(read(user, transaction, contractPage(pageSize, cursor))));
  }

  /**
   * A page of a listing holding only the records {@code keep} accepts. The contract's pages are
   * read from the cursor on, each asking for as many records as the page still lacks, so the page
   * never holds more than {@code pageSize} records and its cursor points right after the last
   * record read. At most {@link #FILTERED_READS} contract pages are read for one request: a page
   * may then hold fewer records than asked, even none, and still carry a {@code nextCursor}.
   */
  public String filteredPage(
      ApiUser user,
      Evaluate<PageRequest> transaction,
      String pageSize,
      String cursor,
      Predicate<JsonNode> keep) {
    ArrayNode kept = mapper.createArrayNode();
    ObjectNode page = cursorPage(read(user, transaction, contractPage(pageSize, cursor)));
    // The contract accepted the size, so it is a number from 1 to 100.
    int size = Integer.parseInt(pageSize.strip());
    for (int reads = 1; ; reads++) {
      for (JsonNode record : page.withArray("records")) {
        if (keep.test(record)) {
          kept.add(record);
        }
      }
      JsonNode next = page.get("nextCursor");
      if (next == null || kept.size() >= size || reads >= FILTERED_READS) {
        break;
      }
      String missing = String.valueOf(size - kept.size());
      page = cursorPage(read(user, transaction, contractPage(missing, next.asText())));
    }
    page.set("records", kept);
    return write(page);
  }

  /** The contract pages one filtered page may read. */
  static final int FILTERED_READS = 10;

  private static PageRequest contractPage(String pageSize, String cursor) {
    return new PageRequest(
        pageSize, cursor == null || cursor.isEmpty() ? "" : decodeCursor(cursor));
  }

  /** The contract's {@code {records, bookmark}} as {@code {records, nextCursor}}. */
  private ObjectNode cursorPage(byte[] json) {
    if (!(tree(json) instanceof ObjectNode page)) {
      throw new LedgerRejection("LEDGER_ERROR", "the contract returned no page", null, null);
    }
    JsonNode next = page.remove("bookmark");
    if (next != null && !next.asText().isEmpty()) {
      page.put(
          "nextCursor",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(next.asText().getBytes(StandardCharsets.UTF_8)));
    }
    return page;
  }

  /**
   * A request body as the contract's input record, with {@code fields} (ids from the URL) set on
   * it. The record checks itself: a broken rule is the contract's own error (422), a body of the
   * wrong shape 400.
   */
  public <T> T input(Class<T> type, JsonNode body, Map<String, String> fields) {
    if (!(required(body) instanceof ObjectNode object)) {
      throw new InvalidRequest("the body must be a JSON object");
    }
    ObjectNode merged = object.deepCopy();
    new TreeMap<>(fields).forEach(merged::put);
    try {
      return mapper.treeToValue(merged, type);
    } catch (JsonProcessingException e) {
      Optional<Violation> violation = violation(e);
      if (violation.isPresent()) {
        throw violation.get().exception();
      }
      throw InvalidRequest.malformed(e.getOriginalMessage());
    }
  }

  /**
   * The contract rule that a record broke while being read, if that is what failed; nested fields
   * are named by their path ({@code lines[2].unit ...}), as the contract names them.
   */
  public static Optional<Violation> violation(JsonProcessingException error) {
    List<Object> path =
        error instanceof JsonMappingException mapping
            ? mapping.getPath().stream()
                .<Object>map(
                    field -> field.getFieldName() != null ? field.getFieldName() : field.getIndex())
                .toList()
            : List.of();
    return Violation.of(error).map(violation -> violation.at(path));
  }

  /** A request body that must be there: 422 INVALID_INPUT when the request has none. */
  public static <T> T required(T body) {
    if (body == null) {
      throw new InvalidRequest("a JSON body is required");
    }
    return body;
  }

  private <I> List<String> arguments(Transaction<I> transaction, I input) {
    if (!transaction.parameterNames().isEmpty()) {
      required(input);
    }
    return transaction.arguments(input).stream()
        .map(
            argument ->
                argument instanceof Argument.Text text
                    ? text.value()
                    : json(((Argument.Json) argument).value()))
        .toList();
  }

  /** The contract's JSON as a tree; malformed JSON from the contract is a ledger error (502). */
  public JsonNode tree(String json) {
    return tree(json.getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode tree(byte[] json) {
    try {
      return mapper.readTree(json);
    } catch (IOException e) {
      throw new LedgerRejection("LEDGER_ERROR", "the contract returned malformed JSON", null, e);
    }
  }

  /** A value as the contract takes it, without null properties. */
  private String json(Object value) {
    return write(withoutNulls(mapper.valueToTree(value)));
  }

  private static <T extends JsonNode> T withoutNulls(T node) {
    if (node instanceof ObjectNode object) {
      object.properties().removeIf(property -> property.getValue().isNull());
    }
    node.forEach(LedgerService::withoutNulls);
    return node;
  }

  private String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String decodeCursor(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("cursor is not a cursor this service returned");
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
