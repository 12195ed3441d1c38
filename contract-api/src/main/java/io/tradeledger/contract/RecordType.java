package io.tradeledger.contract;

import io.tradeledger.contract.errors.ErrorCode;

/**
 * The kinds of record on the ledger, with the composite key object type each is stored under and
 * the code a caller gets when one is absent or hidden. A record with a parent (a milestone under
 * its order, an event under its shipment) is keyed by the parent's id and its own.
 */
public enum RecordType {
  PARTICIPANT("participant", false, ErrorCode.PARTICIPANT_NOT_FOUND),
  ORDER("order", false, ErrorCode.ORDER_NOT_FOUND),
  MILESTONE("milestone", true, ErrorCode.MILESTONE_NOT_FOUND),
  SHIPMENT("shipment", false, ErrorCode.SHIPMENT_NOT_FOUND),
  SHIPMENT_EVENT("shipment-event", true, ErrorCode.EVENT_NOT_FOUND),
  DECLARATION("declaration", false, ErrorCode.DECLARATION_NOT_FOUND),
  POLICY("policy", false, ErrorCode.POLICY_NOT_FOUND),
  CLAIM("claim", false, ErrorCode.CLAIM_NOT_FOUND),
  DOCUMENT("document", false, ErrorCode.DOCUMENT_NOT_FOUND);

  private final String objectType;
  private final boolean hasParent;
  private final ErrorCode notFound;

  RecordType(String objectType, boolean hasParent, ErrorCode notFound) {
    this.objectType = objectType;
    this.hasParent = hasParent;
    this.notFound = notFound;
  }

  public String objectType() {
    return objectType;
  }

  public boolean hasParent() {
    return hasParent;
  }

  public ErrorCode notFound() {
    return notFound;
  }
}
