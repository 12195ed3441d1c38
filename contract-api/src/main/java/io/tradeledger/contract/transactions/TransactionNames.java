package io.tradeledger.contract.transactions;

/**
 * The transactions' names, compile-time constants for the chaincode's {@code @Transaction}
 * annotations; {@link Transactions} describes each one. Names are API: never rename one.
 */
public final class TransactionNames {
  // ledger
  public static final String GET_HISTORY = "GetHistory";
  public static final String GET_TIMELINE = "GetTimeline";

  // participants
  public static final String APPROVE_PARTICIPANT_CHANGE = "ApproveParticipantChange";
  public static final String GET_PARTICIPANT = "GetParticipant";
  public static final String GET_PARTICIPANT_CHANGE = "GetParticipantChange";
  public static final String LIST_PARTICIPANTS = "ListParticipants";
  public static final String PROPOSE_PARTICIPANT_CHANGE = "ProposeParticipantChange";
  public static final String REGISTER_FOUNDING_MEMBERS = "RegisterFoundingMembers";

  // orders
  public static final String ACCEPT_ORDER = "AcceptOrder";
  public static final String CANCEL_ORDER = "CancelOrder";
  public static final String COMPLETE_ORDER = "CompleteOrder";
  public static final String GET_ORDER = "GetOrder";
  public static final String GET_ORDER_TERMS = "GetOrderTerms";
  public static final String LIST_ORDERS = "ListOrders";
  public static final String PROPOSE_ORDER = "ProposeOrder";
  public static final String REJECT_ORDER = "RejectOrder";
  public static final String STORE_ORDER_TERMS = "StoreOrderTerms";

  // payments
  public static final String CONFIRM_PAYMENT = "ConfirmPayment";
  public static final String GET_MILESTONES = "GetMilestones";
  public static final String RECORD_PAYMENT = "RecordPayment";

  // shipments
  public static final String BOOK_SHIPMENT = "BookShipment";
  public static final String CONFIRM_SHIPMENT = "ConfirmShipment";
  public static final String GET_SHIPMENT = "GetShipment";
  public static final String LIST_SHIPMENT_EVENTS = "ListShipmentEvents";
  public static final String LIST_SHIPMENTS = "ListShipments";
  public static final String RECORD_SHIPMENT_EVENT = "RecordShipmentEvent";
  public static final String RECORD_SHIPMENT_EVENTS = "RecordShipmentEvents";

  // customs
  public static final String DECIDE_DECLARATION = "DecideDeclaration";
  public static final String FILE_DECLARATION = "FileDeclaration";
  public static final String GET_CUSTOMS_MANDATE = "GetCustomsMandate";
  public static final String GET_DECLARATION = "GetDeclaration";
  public static final String GRANT_CUSTOMS_MANDATE = "GrantCustomsMandate";
  public static final String LIST_DECLARATIONS = "ListDeclarations";
  public static final String REVOKE_CUSTOMS_MANDATE = "RevokeCustomsMandate";

  // insurance
  public static final String DECIDE_CLAIM = "DecideClaim";
  public static final String FILE_CLAIM = "FileClaim";
  public static final String GET_CLAIM = "GetClaim";
  public static final String GET_POLICY = "GetPolicy";
  public static final String ISSUE_POLICY = "IssuePolicy";
  public static final String LIST_CLAIMS = "ListClaims";

  // documents
  public static final String ANCHOR_DOCUMENT = "AnchorDocument";
  public static final String GET_DOCUMENT = "GetDocument";
  public static final String LIST_DOCUMENTS = "ListDocuments";
  public static final String VERIFY_DOCUMENT = "VerifyDocument";

  private TransactionNames() {}
}
