package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Checks;
import io.tradeledger.contract.Incoterm;
import io.tradeledger.contract.MilestoneTerms;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderLine;
import io.tradeledger.contract.OrderProposal;
import io.tradeledger.contract.OrderStatus;
import io.tradeledger.contract.errors.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A purchase order between a buyer (importer) and a seller (exporter), as stored on the shared
 * ledger. {@code termsHash} is the SHA-256 of the canonical confidential terms (prices, discounts,
 * clauses, salt), whose copies only the buyer and the seller keep in their implicit collections.
 * {@code status} holds only stored statuses; {@code acceptedAt} is the acceptance's transaction
 * time.
 */
public record Order(
    String orderId,
    String buyerMsp,
    String sellerMsp,
    List<OrderLine> lines,
    Incoterm incoterm,
    String incotermPlace,
    Boolean sellerContractsCarriage,
    String origin,
    String destination,
    LocalDate requestedDeliveryDate,
    Money totalValue,
    String termsHash,
    List<MilestoneTerms> milestones,
    OrderStatus status,
    String statusReason,
    Instant acceptedAt,
    Audit audit) {
  public Order {
    // An order is valid exactly when the proposal it carries is.
    OrderProposal proposal =
        new OrderProposal(
            orderId,
            sellerMsp,
            lines,
            incoterm,
            incotermPlace,
            sellerContractsCarriage,
            origin,
            destination,
            requestedDeliveryDate,
            totalValue,
            termsHash,
            milestones);
    lines = proposal.lines();
    sellerContractsCarriage = proposal.sellerContractsCarriage();
    milestones = proposal.milestones();
    Checks.mspId("buyerMsp", buyerMsp);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(audit, "audit");
  }

  /** A new PROPOSED order of {@code buyerMsp}. */
  public static Order propose(OrderProposal proposal, String buyerMsp, Audit audit) {
    return new Order(
        proposal.orderId(),
        buyerMsp,
        proposal.sellerMsp(),
        proposal.lines(),
        proposal.incoterm(),
        proposal.incotermPlace(),
        proposal.sellerContractsCarriage(),
        proposal.origin(),
        proposal.destination(),
        proposal.requestedDeliveryDate(),
        proposal.totalValue(),
        proposal.termsHash(),
        proposal.milestones(),
        OrderStatus.PROPOSED,
        null,
        null,
        audit);
  }

  /** The proposal this order was created from, to recognise a repeated proposal. */
  public OrderProposal proposal() {
    return new OrderProposal(
        orderId,
        sellerMsp,
        lines,
        incoterm,
        incotermPlace,
        sellerContractsCarriage,
        origin,
        destination,
        requestedDeliveryDate,
        totalValue,
        termsHash,
        milestones);
  }

  public Order accepted(Actor actor, Instant at) {
    return transition(OrderStatus.PROPOSED, OrderStatus.ACCEPTED, null, at, actor, at);
  }

  public Order rejected(String reason, Actor actor, Instant at) {
    return transition(OrderStatus.PROPOSED, OrderStatus.REJECTED, reason, null, actor, at);
  }

  public Order cancelled(String reason, Actor actor, Instant at) {
    return transition(OrderStatus.PROPOSED, OrderStatus.CANCELLED, reason, null, actor, at);
  }

  public Order completed(Actor actor, Instant at) {
    return transition(OrderStatus.ACCEPTED, OrderStatus.COMPLETED, null, acceptedAt, actor, at);
  }

  /** This order as read: the same record with its derived status. */
  public Order withStatus(OrderStatus derived) {
    return with(derived, statusReason, acceptedAt, audit);
  }

  private Order transition(
      OrderStatus from, OrderStatus to, String reason, Instant accepted, Actor actor, Instant at) {
    if (status != from) {
      throw ErrorCode.ORDER_INVALID_TRANSITION.exception(
          "order %s is %s: only a %s order can become %s", orderId, status, from, to);
    }
    return with(to, reason, accepted, audit.updated(actor, at));
  }

  private Order with(OrderStatus newStatus, String reason, Instant accepted, Audit newAudit) {
    return new Order(
        orderId,
        buyerMsp,
        sellerMsp,
        lines,
        incoterm,
        incotermPlace,
        sellerContractsCarriage,
        origin,
        destination,
        requestedDeliveryDate,
        totalValue,
        termsHash,
        milestones,
        newStatus,
        reason,
        accepted,
        newAudit);
  }

  /**
   * The party that contracts the main carriage and so books shipments: the seller under C- and
   * D-rules, or when the order says so; otherwise the buyer.
   */
  public String carriageContractorMsp() {
    return incoterm.sellerContractsCarriage() || Boolean.TRUE.equals(sellerContractsCarriage)
        ? sellerMsp
        : buyerMsp;
  }

  /** The party that clears the goods for import: the seller under DDP, otherwise the buyer. */
  public String importerOfRecordMsp() {
    return incoterm.sellerClearsImport() ? sellerMsp : buyerMsp;
  }

  /** Whether {@code mspId} is the buyer or the seller. */
  public boolean isParty(String mspId) {
    return buyerMsp.equals(mspId) || sellerMsp.equals(mspId);
  }
}
