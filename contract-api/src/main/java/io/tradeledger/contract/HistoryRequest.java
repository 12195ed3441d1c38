package io.tradeledger.contract;

/** Which record's history: a milestone's parent is its order, an event's its shipment. */
public record HistoryRequest(RecordType recordType, String id, String parentId) {
  public HistoryRequest {
    Checks.present("recordType", recordType);
    if (recordType == RecordType.PARTICIPANT) {
      Checks.mspId("id", id);
    } else {
      Checks.id("id", id);
    }
    if (recordType.hasParent()) {
      Checks.id("parentId", parentId);
    } else if (parentId != null) {
      throw Checks.invalid("parentId", "is only for MILESTONE and SHIPMENT_EVENT");
    }
  }
}
