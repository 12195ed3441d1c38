package io.tradeledger.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.ledger.LedgerCall;
import io.tradeledger.api.ledger.LedgerPort;
import io.tradeledger.api.ledger.LedgerRejection;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls the contract as the API user's Fabric identity: reads, writes of a request body (with ids
 * from the URL merged in), and listings whose Fabric bookmarks become opaque cursors.
 */
public final class LedgerService {
  private final LedgerPort ledger;
  private final ObjectMapper mapper;

  public LedgerService(LedgerPort ledger, ObjectMapper mapper) {
    this.ledger = ledger;
    this.mapper = mapper;
  }

  /** Evaluates a read-only transaction; returns the contract's JSON. */
  public String read(ApiUser user, String contract, String transaction, String... arguments) {
    return read(user, LedgerCall.of(contract, transaction, arguments));
  }

  /** Evaluates a call as built, for example on the caller's own peer. */
  public String read(ApiUser user, LedgerCall call) {
    return text(ledger.evaluate(user.fabricUser(), call));
  }

  /** Submits a transaction whose arguments are plain ids. */
  public Outcome submit(ApiUser user, String contract, String transaction, String... arguments) {
    return submit(user, LedgerCall.of(contract, transaction, arguments));
  }

  /** Submits a transaction whose argument is the request as JSON, with {@code fields} added. */
  public Outcome submitJson(
      ApiUser user,
      String contract,
      String transaction,
      Object request,
      Map<String, String> fields) {
    return submit(user, contract, transaction, json(request, fields));
  }

  /** Submits a call as built, for private data. */
  public Outcome submit(ApiUser user, LedgerCall call) {
    LedgerPort.Submitted submitted = ledger.submit(user.fabricUser(), call);
    return new Outcome(submitted.transactionId(), text(submitted.result()));
  }

  /**
   * A page of a listing: the contract's {@code {records, bookmark}} becomes {@code {records,
   * nextCursor}}, the cursor being the bookmark in URL-safe Base64. The contract checks the page
   * size (1 to 100; anything else is 422 INVALID_INPUT).
   */
  public String page(
      ApiUser user, String contract, String transaction, String pageSize, String cursor) {
    String bookmark = cursor == null || cursor.isEmpty() ? "" : decodeCursor(cursor);
    if (!(tree(read(user, contract, transaction, pageSize, bookmark)) instanceof ObjectNode page)) {
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
    return write(page);
  }

  /** The contract's JSON as a tree; malformed JSON from the contract is a ledger error (502). */
  public JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new LedgerRejection("LEDGER_ERROR", "the contract returned malformed JSON", null, e);
    }
  }

  /**
   * The request as JSON with {@code fields} set, as the contract takes it. Properties the client
   * left out stay out, rather than being sent as nulls.
   */
  public String json(Object request, Map<String, String> fields) {
    if (request == null) {
      throw new InvalidRequest("a JSON body is required");
    }
    ObjectNode node = withoutNulls(mapper.valueToTree(request));
    new TreeMap<>(fields).forEach(node::put);
    return write(node);
  }

  /** A value (an array, for example) as the contract takes it, without null properties. */
  public String json(Object value) {
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
