package io.tradeledger.chaincode.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.HistoryEntry;
import io.tradeledger.chaincode.state.LedgerState;
import io.tradeledger.chaincode.state.TradeRecords;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.HistoryRequest;
import io.tradeledger.contract.RecordType;
import io.tradeledger.contract.transactions.ContractNames;
import io.tradeledger.contract.transactions.TransactionNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Audit reads across every kind of record: the history of one record, and the timeline of a whole
 * trade. Records are read as stored JSON under the keys the repositories give ({@link
 * TradeRecords}), so this contract depends on no aggregate's classes.
 */
@Contract(
    name = ContractNames.LEDGER,
    info = @Info(title = "Trade Ledger audit reads", version = "1.0"))
public final class LedgerContract implements ContractInterface {

  /** One version of a record and who wrote it (the record's audit.updatedBy). */
  public record Version(
      String txId, Instant timestamp, boolean deleted, JsonNode submitter, JsonNode value) {}

  /** One change in a trade's timeline. */
  public record TimelineEntry(
      Instant timestamp,
      String txId,
      RecordType recordType,
      String recordId,
      String parentId,
      String change,
      JsonNode submitter,
      JsonNode value) {}

  /**
   * Every version of one record, newest first.
   *
   * @param requestJson {@code {recordType, id, parentId?}}; recordType one of PARTICIPANT, ORDER,
   *     MILESTONE, SHIPMENT, SHIPMENT_EVENT, DECLARATION, POLICY, CLAIM, DOCUMENT
   * @return JSON array of {@code {txId, timestamp, deleted, submitter, value}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, or the record type's
   *     NOT_FOUND code when the record does not exist or belongs to a trade the caller may not read
   */
  @Transaction(name = TransactionNames.GET_HISTORY, intent = Transaction.TYPE.EVALUATE)
  public String getHistory(Context context, String requestJson) {
    Tx tx = Tx.of(context);
    HistoryRequest request = CanonicalJson.parse(requestJson, HistoryRequest.class);
    LedgerState state = tx.state();
    String key =
        new TradeRecords(state).key(request.recordType(), request.parentId(), request.id());
    state
        .get(key, JsonNode.class)
        .filter(value -> readable(tx, request.recordType(), request.id(), value))
        .orElseThrow(
            () ->
                request
                    .recordType()
                    .notFound()
                    .exception("no %s %s", request.recordType(), request.id()));
    return CanonicalJson.write(
        state.history(key, JsonNode.class).stream().map(LedgerContract::version).toList());
  }

  /**
   * The timeline of one trade: every version of the order, its milestones, shipments, shipment
   * events, customs declarations, insurance policies and claims, and its documents, in transaction
   * time order (ties broken by transaction id, record type and id).
   *
   * @param orderId the order
   * @return JSON array of {@code {timestamp, txId, recordType, recordId, parentId?, change (CREATED
   *     or UPDATED), submitter, value}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, ORDER_NOT_FOUND (absent
   *     or not readable by the caller)
   */
  @Transaction(name = TransactionNames.GET_TIMELINE, intent = Transaction.TYPE.EVALUATE)
  public String getTimeline(Context context, String orderId) {
    Tx tx = Tx.of(context);
    Checks.id("orderId", orderId);
    LedgerState state = tx.state();
    TradeRecords records = new TradeRecords(state);
    if (!state.exists(records.key(RecordType.ORDER, null, orderId))
        || !TradeAccess.canRead(tx, orderId)) {
      throw RecordType.ORDER.notFound().exception("no order %s", orderId);
    }
    List<TimelineEntry> entries = new ArrayList<>();
    for (TradeRecords.Reference record : records.ofOrder(orderId)) {
      collect(state, entries, record);
    }
    entries.sort(
        Comparator.comparing(TimelineEntry::timestamp)
            .thenComparing(TimelineEntry::txId)
            .thenComparing(TimelineEntry::recordType)
            .thenComparing(TimelineEntry::recordId));
    return CanonicalJson.write(entries);
  }

  private static void collect(
      LedgerState state, List<TimelineEntry> entries, TradeRecords.Reference record) {
    List<HistoryEntry<JsonNode>> history = state.history(record.key(), JsonNode.class);
    for (int index = 0; index < history.size(); index++) {
      HistoryEntry<JsonNode> version = history.get(index);
      boolean oldest = index == history.size() - 1;
      entries.add(
          new TimelineEntry(
              version.timestamp(),
              version.txId(),
              record.type(),
              record.recordId(),
              record.parentId(),
              oldest ? "CREATED" : "UPDATED",
              submitter(version.value()),
              version.value()));
    }
  }

  private static boolean readable(Tx tx, RecordType type, String id, JsonNode value) {
    if (type == RecordType.PARTICIPANT) {
      return true;
    }
    String orderId = type == RecordType.ORDER ? id : value.path("orderId").asText(null);
    return orderId != null && TradeAccess.canRead(tx, orderId);
  }

  private static Version version(HistoryEntry<JsonNode> entry) {
    return new Version(
        entry.txId(), entry.timestamp(), entry.deleted(), submitter(entry.value()), entry.value());
  }

  private static JsonNode submitter(JsonNode value) {
    if (value == null) {
      return null;
    }
    JsonNode updatedBy = value.path("audit").path("updatedBy");
    return updatedBy.isMissingNode() ? null : updatedBy;
  }
}
