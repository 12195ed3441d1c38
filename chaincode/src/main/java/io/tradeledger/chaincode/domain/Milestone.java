package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Checks;
import io.tradeledger.contract.MilestoneStatus;
import io.tradeledger.contract.MilestoneTerms;
import io.tradeledger.contract.MilestoneTrigger;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.errors.ErrorCode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A payment milestone of an order: the payer (buyer) owes the payee (seller) {@code amount} once
 * the trigger has happened on the ledger.
 */
public record Milestone(
    String orderId,
    String milestoneId,
    String payerMsp,
    String payeeMsp,
    Money amount,
    MilestoneTrigger trigger,
    int daysDue,
    MilestoneStatus status,
    String paymentReference,
    Instant paidAt,
    Instant confirmedAt,
    Audit audit) {
  public Milestone {
    Checks.id("orderId", orderId);
    Checks.id("milestoneId", milestoneId);
    Objects.requireNonNull(payerMsp, "payerMsp");
    Objects.requireNonNull(payeeMsp, "payeeMsp");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(audit, "audit");
  }

  /**
   * The milestones an order defines: each share of the total rounded down, the last taking the
   * remainder so the amounts add up to the total exactly.
   */
  public static List<Milestone> of(Order order, Audit audit) {
    List<Milestone> milestones = new ArrayList<>();
    long total = order.totalValue().amount();
    long assigned = 0;
    for (int index = 0; index < order.milestones().size(); index++) {
      MilestoneTerms terms = order.milestones().get(index);
      long amount =
          index == order.milestones().size() - 1
              ? total - assigned
              : BigInteger.valueOf(total)
                  .multiply(BigInteger.valueOf(terms.shareBasisPoints()))
                  .divide(BigInteger.valueOf(MilestoneTerms.WHOLE))
                  .longValueExact();
      assigned += amount;
      milestones.add(
          new Milestone(
              order.orderId(),
              terms.milestoneId(),
              order.buyerMsp(),
              order.sellerMsp(),
              new Money(amount, order.totalValue().currency()),
              terms.trigger(),
              terms.daysDue(),
              MilestoneStatus.PENDING,
              null,
              null,
              null,
              audit));
    }
    return List.copyOf(milestones);
  }

  public Milestone paid(String reference, Actor actor, Instant at) {
    require(MilestoneStatus.PENDING, MilestoneStatus.PAID);
    return with(MilestoneStatus.PAID, reference, at, null, audit.updated(actor, at));
  }

  public Milestone confirmed(Actor actor, Instant at) {
    require(MilestoneStatus.PAID, MilestoneStatus.CONFIRMED);
    return with(MilestoneStatus.CONFIRMED, paymentReference, paidAt, at, audit.updated(actor, at));
  }

  /** This milestone with another payment state; what it is owed for never changes. */
  private Milestone with(
      MilestoneStatus newStatus,
      String reference,
      Instant paid,
      Instant confirmed,
      Audit newAudit) {
    return new Milestone(
        orderId,
        milestoneId,
        payerMsp,
        payeeMsp,
        amount,
        trigger,
        daysDue,
        newStatus,
        reference,
        paid,
        confirmed,
        newAudit);
  }

  private void require(MilestoneStatus from, MilestoneStatus to) {
    if (status != from) {
      throw ErrorCode.MILESTONE_INVALID_TRANSITION.exception(
          "milestone %s of order %s is %s, not %s: cannot become %s",
          milestoneId, orderId, status, from, to);
    }
  }
}
