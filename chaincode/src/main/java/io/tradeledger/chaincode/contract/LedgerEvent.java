package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one chaincode event a transaction emits: what happened ({@code type}, also the event's name),
 * the ids of the records it touched, who did it and when. Never private data.
 */
public record LedgerEvent(
    String type, SortedMap<String, String> ids, Actor actor, String txId, Instant timestamp) {
  public LedgerEvent {
    ids = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(ids));
  }

  static LedgerEvent of(
      String type, Map<String, String> ids, Actor actor, String txId, Instant at) {
    return new LedgerEvent(type, new TreeMap<>(ids), actor, txId, at);
  }
}
