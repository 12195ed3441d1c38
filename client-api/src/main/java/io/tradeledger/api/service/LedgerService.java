package io.tradeledger.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.ledger.LedgerCall;
import io.tradeledger.api.ledger.LedgerPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

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

  public String mspId() {
    return ledger.mspId();
  }

  /** Evaluates a read-only transaction; returns the contract's JSON. */
  public String read(ApiUser user, String contract, String transaction, String... arguments) {
    return text(
        ledger.evaluate(user.fabricUser(), LedgerCall.of(contract, transaction, arguments)));
  }

  /** Submits a transaction whose arguments are plain ids. */
  public Outcome submit(ApiUser user, String contract, String transaction, String... arguments) {
    return outcome(
        ledger.submit(user.fabricUser(), LedgerCall.of(contract, transaction, arguments)));
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
    return outcome(ledger.submit(user.fabricUser(), call));
  }

  /**
   * A page of a listing: the contract's {@code {records, bookmark}} becomes {@code {records,
   * nextCursor}}, the cursor being the bookmark in URL-safe Base64.
   */
  public String page(
      ApiUser user, String contract, String transaction, int pageSize, String cursor) {
    String bookmark = cursor == null || cursor.isEmpty() ? "" : decodeCursor(cursor);
    String json = read(user, contract, transaction, String.valueOf(pageSize), bookmark);
    try {
      ObjectNode page = (ObjectNode) mapper.readTree(json);
      var next = page.remove("bookmark");
      if (next != null && !next.asText().isEmpty()) {
        page.put(
            "nextCursor",
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(next.asText().getBytes(StandardCharsets.UTF_8)));
      }
      return mapper.writeValueAsString(page);
    } catch (IOException e) {
      throw new UncheckedIOException("the contract returned a malformed page", e);
    }
  }

  /** The contract's JSON as a tree, to embed in a larger response. */
  public com.fasterxml.jackson.databind.JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the contract returned malformed JSON", e);
    }
  }

  /** The request as JSON with {@code fields} set, as the contract takes it. */
  public String json(Object request, Map<String, String> fields) {
    ObjectNode node = mapper.valueToTree(request);
    new java.util.TreeMap<>(fields).forEach(node::put);
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

  private static Outcome outcome(LedgerPort.Submitted submitted) {
    return new Outcome(submitted.transactionId(), text(submitted.result()));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
