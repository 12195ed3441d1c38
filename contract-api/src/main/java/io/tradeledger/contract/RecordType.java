package io.tradeledger.contract;

import io.tradeledger.contract.errors.ErrorCode;

/**
 * The kinds of record on the ledger, with the code a caller gets when one is absent or hidden. A
 * record with a parent (a milestone under its order, an event under its shipment) is identified by
 * the parent's id and its own. Where each kind is stored is the repositories' business ({@code
 * state.TradeRecords}).
 */
public enum RecordType {
  PARTICIPANT(false, ErrorCode.PARTICIPANT_NOT_FOUND),
  ORDER(false, ErrorCode.ORDER_NOT_FOUND),
  MILESTONE(true, ErrorCode.MILESTONE_NOT_FOUND),
  SHIPMENT(false, ErrorCode.SHIPMENT_NOT_FOUND),
  SHIPMENT_EVENT(true, ErrorCode.EVENT_NOT_FOUND),
  DECLARATION(false, ErrorCode.DECLARATION_NOT_FOUND),
  POLICY(false, ErrorCode.POLICY_NOT_FOUND),
  CLAIM(false, ErrorCode.CLAIM_NOT_FOUND),
  DOCUMENT(false, ErrorCode.DOCUMENT_NOT_FOUND);

  private final boolean hasParent;
  private final ErrorCode notFound;

  RecordType(boolean hasParent, ErrorCode notFound) {
    this.hasParent = hasParent;
    this.notFound = notFound;
  }

  public boolean hasParent() {
    return hasParent;
  }

  public ErrorCode notFound() {
    return notFound;
  }
}
