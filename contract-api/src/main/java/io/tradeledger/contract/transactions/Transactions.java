package io.tradeledger.contract.transactions;

import io.tradeledger.contract.Booking;
import io.tradeledger.contract.ClaimDecision;
import io.tradeledger.contract.ClaimFiling;
import io.tradeledger.contract.CustomsDecision;
import io.tradeledger.contract.DeclarationFiling;
import io.tradeledger.contract.DocumentAnchor;
import io.tradeledger.contract.EventBatch;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.HistoryRequest;
import io.tradeledger.contract.MandateParties;
import io.tradeledger.contract.MilestoneReference;
import io.tradeledger.contract.OrderDecision;
import io.tradeledger.contract.OrderProposal;
import io.tradeledger.contract.PageRequest;
import io.tradeledger.contract.ParticipantChangeRequest;
import io.tradeledger.contract.ParticipantProfile;
import io.tradeledger.contract.Payment;
import io.tradeledger.contract.PolicyIssue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every transaction of the chaincode, once. The chaincode's annotations use the same {@link
 * ContractNames} and {@link TransactionNames}, and its tests check that both agree; clients call
 * {@code ledger.submit(Transactions.PROPOSE_ORDER, proposal)}, so the compiler checks the intent
 * and the input type. What each one does, who may call it and its error codes: docs/CONTRACT.md.
 */
public final class Transactions {
  private static final Parameters<PageRequest> PAGE =
      Parameters.texts(page -> List.of(page.pageSize(), page.bookmark()), "pageSize", "bookmark");

  // ledger
  public static final Evaluate<HistoryRequest> GET_HISTORY =
      new Evaluate<>(
          ContractNames.LEDGER, TransactionNames.GET_HISTORY, Parameters.json("requestJson"));
  public static final Evaluate<String> GET_TIMELINE =
      new Evaluate<>(
          ContractNames.LEDGER, TransactionNames.GET_TIMELINE, Parameters.text("orderId"));

  // participants
  public static final Submit<String> APPROVE_PARTICIPANT_CHANGE =
      new Submit<>(
          ContractNames.PARTICIPANTS,
          TransactionNames.APPROVE_PARTICIPANT_CHANGE,
          Parameters.text("changeId"));
  public static final Evaluate<String> GET_PARTICIPANT =
      new Evaluate<>(
          ContractNames.PARTICIPANTS, TransactionNames.GET_PARTICIPANT, Parameters.text("mspId"));
  public static final Evaluate<String> GET_PARTICIPANT_CHANGE =
      new Evaluate<>(
          ContractNames.PARTICIPANTS,
          TransactionNames.GET_PARTICIPANT_CHANGE,
          Parameters.text("changeId"));
  public static final Evaluate<Void> LIST_PARTICIPANTS =
      new Evaluate<>(
          ContractNames.PARTICIPANTS, TransactionNames.LIST_PARTICIPANTS, Parameters.none());
  public static final Submit<ParticipantChangeRequest> PROPOSE_PARTICIPANT_CHANGE =
      new Submit<>(
          ContractNames.PARTICIPANTS,
          TransactionNames.PROPOSE_PARTICIPANT_CHANGE,
          Parameters.json("changeJson"));
  public static final Submit<List<ParticipantProfile>> REGISTER_FOUNDING_MEMBERS =
      new Submit<>(
          ContractNames.PARTICIPANTS,
          TransactionNames.REGISTER_FOUNDING_MEMBERS,
          Parameters.json("participantsJson"));

  // orders
  public static final Submit<String> ACCEPT_ORDER =
      new Submit<>(ContractNames.ORDERS, TransactionNames.ACCEPT_ORDER, Parameters.text("orderId"));
  public static final Submit<OrderDecision> CANCEL_ORDER =
      new Submit<>(
          ContractNames.ORDERS, TransactionNames.CANCEL_ORDER, Parameters.json("decisionJson"));
  public static final Submit<String> COMPLETE_ORDER =
      new Submit<>(
          ContractNames.ORDERS, TransactionNames.COMPLETE_ORDER, Parameters.text("orderId"));
  public static final Evaluate<String> GET_ORDER =
      new Evaluate<>(ContractNames.ORDERS, TransactionNames.GET_ORDER, Parameters.text("orderId"));
  public static final Evaluate<String> GET_ORDER_TERMS =
      new Evaluate<>(
          ContractNames.ORDERS, TransactionNames.GET_ORDER_TERMS, Parameters.text("orderId"));
  public static final Evaluate<PageRequest> LIST_ORDERS =
      new Evaluate<>(ContractNames.ORDERS, TransactionNames.LIST_ORDERS, PAGE);
  public static final Submit<OrderProposal> PROPOSE_ORDER =
      new Submit<>(
          ContractNames.ORDERS, TransactionNames.PROPOSE_ORDER, Parameters.json("orderJson"));
  public static final Submit<OrderDecision> REJECT_ORDER =
      new Submit<>(
          ContractNames.ORDERS, TransactionNames.REJECT_ORDER, Parameters.json("decisionJson"));
  public static final Submit<String> STORE_ORDER_TERMS =
      new Submit<>(
          ContractNames.ORDERS, TransactionNames.STORE_ORDER_TERMS, Parameters.text("orderId"));

  // payments
  public static final Submit<MilestoneReference> CONFIRM_PAYMENT =
      new Submit<>(
          ContractNames.PAYMENTS,
          TransactionNames.CONFIRM_PAYMENT,
          Parameters.json("referenceJson"));
  public static final Evaluate<String> GET_MILESTONES =
      new Evaluate<>(
          ContractNames.PAYMENTS, TransactionNames.GET_MILESTONES, Parameters.text("orderId"));
  public static final Submit<Payment> RECORD_PAYMENT =
      new Submit<>(
          ContractNames.PAYMENTS, TransactionNames.RECORD_PAYMENT, Parameters.json("paymentJson"));

  // shipments
  public static final Submit<Booking> BOOK_SHIPMENT =
      new Submit<>(
          ContractNames.SHIPMENTS, TransactionNames.BOOK_SHIPMENT, Parameters.json("bookingJson"));
  public static final Submit<String> CONFIRM_SHIPMENT =
      new Submit<>(
          ContractNames.SHIPMENTS,
          TransactionNames.CONFIRM_SHIPMENT,
          Parameters.text("shipmentId"));
  public static final Evaluate<String> GET_SHIPMENT =
      new Evaluate<>(
          ContractNames.SHIPMENTS, TransactionNames.GET_SHIPMENT, Parameters.text("shipmentId"));
  public static final Evaluate<String> LIST_SHIPMENT_EVENTS =
      new Evaluate<>(
          ContractNames.SHIPMENTS,
          TransactionNames.LIST_SHIPMENT_EVENTS,
          Parameters.text("shipmentId"));
  public static final Evaluate<PageRequest> LIST_SHIPMENTS =
      new Evaluate<>(ContractNames.SHIPMENTS, TransactionNames.LIST_SHIPMENTS, PAGE);
  public static final Submit<EventReport> RECORD_SHIPMENT_EVENT =
      new Submit<>(
          ContractNames.SHIPMENTS,
          TransactionNames.RECORD_SHIPMENT_EVENT,
          Parameters.json("eventJson"));
  public static final Submit<EventBatch> RECORD_SHIPMENT_EVENTS =
      new Submit<>(
          ContractNames.SHIPMENTS,
          TransactionNames.RECORD_SHIPMENT_EVENTS,
          Parameters.json("batchJson"));

  // customs
  public static final Submit<CustomsDecision> DECIDE_DECLARATION =
      new Submit<>(
          ContractNames.CUSTOMS,
          TransactionNames.DECIDE_DECLARATION,
          Parameters.json("decisionJson"));
  public static final Submit<DeclarationFiling> FILE_DECLARATION =
      new Submit<>(
          ContractNames.CUSTOMS, TransactionNames.FILE_DECLARATION, Parameters.json("filingJson"));
  public static final Evaluate<MandateParties> GET_CUSTOMS_MANDATE =
      new Evaluate<>(
          ContractNames.CUSTOMS,
          TransactionNames.GET_CUSTOMS_MANDATE,
          Parameters.texts(
              parties -> List.of(parties.grantorMsp(), parties.representativeMsp()),
              "grantorMsp",
              "representativeMsp"));
  public static final Evaluate<String> GET_DECLARATION =
      new Evaluate<>(
          ContractNames.CUSTOMS,
          TransactionNames.GET_DECLARATION,
          Parameters.text("declarationId"));
  public static final Submit<String> GRANT_CUSTOMS_MANDATE =
      new Submit<>(
          ContractNames.CUSTOMS,
          TransactionNames.GRANT_CUSTOMS_MANDATE,
          Parameters.text("representativeMsp"));
  public static final Evaluate<String> LIST_DECLARATIONS =
      new Evaluate<>(
          ContractNames.CUSTOMS, TransactionNames.LIST_DECLARATIONS, Parameters.text("shipmentId"));
  public static final Submit<String> REVOKE_CUSTOMS_MANDATE =
      new Submit<>(
          ContractNames.CUSTOMS,
          TransactionNames.REVOKE_CUSTOMS_MANDATE,
          Parameters.text("representativeMsp"));

  // insurance
  public static final Submit<ClaimDecision> DECIDE_CLAIM =
      new Submit<>(
          ContractNames.INSURANCE, TransactionNames.DECIDE_CLAIM, Parameters.json("decisionJson"));
  public static final Submit<ClaimFiling> FILE_CLAIM =
      new Submit<>(
          ContractNames.INSURANCE, TransactionNames.FILE_CLAIM, Parameters.json("filingJson"));
  public static final Evaluate<String> GET_CLAIM =
      new Evaluate<>(
          ContractNames.INSURANCE, TransactionNames.GET_CLAIM, Parameters.text("claimId"));
  public static final Evaluate<String> GET_POLICY =
      new Evaluate<>(
          ContractNames.INSURANCE, TransactionNames.GET_POLICY, Parameters.text("policyId"));
  public static final Submit<PolicyIssue> ISSUE_POLICY =
      new Submit<>(
          ContractNames.INSURANCE, TransactionNames.ISSUE_POLICY, Parameters.json("issueJson"));
  public static final Evaluate<String> LIST_CLAIMS =
      new Evaluate<>(
          ContractNames.INSURANCE, TransactionNames.LIST_CLAIMS, Parameters.text("policyId"));

  // documents
  public static final Submit<DocumentAnchor> ANCHOR_DOCUMENT =
      new Submit<>(
          ContractNames.DOCUMENTS, TransactionNames.ANCHOR_DOCUMENT, Parameters.json("anchorJson"));
  public static final Evaluate<String> GET_DOCUMENT =
      new Evaluate<>(
          ContractNames.DOCUMENTS, TransactionNames.GET_DOCUMENT, Parameters.text("documentId"));
  public static final Evaluate<String> LIST_DOCUMENTS =
      new Evaluate<>(
          ContractNames.DOCUMENTS, TransactionNames.LIST_DOCUMENTS, Parameters.text("orderId"));
  public static final Evaluate<String> VERIFY_DOCUMENT =
      new Evaluate<>(
          ContractNames.DOCUMENTS, TransactionNames.VERIFY_DOCUMENT, Parameters.text("sha256"));

  private Transactions() {}

  /** Every transaction above, in declaration order. */
  public static List<Transaction<?>> all() {
    List<Transaction<?>> all = new ArrayList<>();
    for (Field field : Transactions.class.getDeclaredFields()) {
      if (Modifier.isPublic(field.getModifiers())
          && Transaction.class.isAssignableFrom(field.getType())) {
        try {
          all.add((Transaction<?>) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return List.copyOf(all);
  }
}
