package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Checks;
import io.tradeledger.contract.ClaimDecision;
import io.tradeledger.contract.ClaimFiling;
import io.tradeledger.contract.ClaimStatus;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.errors.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A claim under an insurance policy, filed by a party entitled to claim (the insured or a
 * beneficiary: {@code claimantMsp}) and decided by the insurer.
 */
public record Claim(
    String claimId,
    String policyId,
    String shipmentId,
    String orderId,
    String claimantMsp,
    String insurerMsp,
    Money amount,
    String description,
    List<String> evidenceHashes,
    ClaimStatus status,
    Money settledAmount,
    String reason,
    Instant decidedAt,
    Audit audit) {
  public Claim {
    Checks.id("claimId", claimId);
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(amount, "amount");
    evidenceHashes = List.copyOf(evidenceHashes);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(audit, "audit");
  }

  /** A FILED claim; the amount must be in the cover's currency and within it. */
  public static Claim file(ClaimFiling filing, InsurancePolicy policy, Audit audit) {
    if (!filing.amount().sameCurrency(policy.coverAmount())) {
      throw Checks.invalid(
          "amount", "must be in the policy's currency " + policy.coverAmount().currency());
    }
    if (filing.amount().amount() > policy.coverAmount().amount()) {
      throw ErrorCode.CLAIM_AMOUNT_EXCEEDS_COVER.exception(
          "claim of %d exceeds the cover of %d %s",
          filing.amount().amount(), policy.coverAmount().amount(), policy.coverAmount().currency());
    }
    return new Claim(
        filing.claimId(),
        policy.policyId(),
        policy.shipmentId(),
        policy.orderId(),
        audit.createdBy().mspId(),
        policy.insurerMsp(),
        filing.amount(),
        filing.description(),
        filing.evidenceHashes(),
        ClaimStatus.FILED,
        null,
        null,
        null,
        audit);
  }

  /**
   * What this claim takes from the policy's cover: the claimed amount once APPROVED, the settled
   * amount once SETTLED, nothing while FILED or once REJECTED.
   */
  public long committedAmount() {
    return switch (status) {
      case APPROVED -> amount.amount();
      case SETTLED -> settledAmount.amount();
      case FILED, REJECTED -> 0;
    };
  }

  /** The filing this claim was created from, to recognise a repeated filing. */
  public ClaimFiling filing() {
    return new ClaimFiling(claimId, policyId, amount, description, evidenceHashes);
  }

  /** FILED may be APPROVED or REJECTED; APPROVED may be SETTLED for at most the claimed amount. */
  public Claim decide(ClaimDecision decision, Actor actor, Instant at) {
    boolean allowed =
        switch (decision.decision()) {
          case APPROVED, REJECTED -> status == ClaimStatus.FILED;
          case SETTLED -> status == ClaimStatus.APPROVED;
          case FILED -> false;
        };
    if (!allowed) {
      throw ErrorCode.CLAIM_INVALID_TRANSITION.exception(
          "claim %s is %s and cannot become %s", claimId, status, decision.decision());
    }
    Money settled = decision.settledAmount();
    if (settled != null && (!settled.sameCurrency(amount) || settled.amount() > amount.amount())) {
      throw Checks.invalid(
          "settledAmount", "must be in " + amount.currency() + " and at most the claimed amount");
    }
    return new Claim(
        claimId,
        policyId,
        shipmentId,
        orderId,
        claimantMsp,
        insurerMsp,
        amount,
        description,
        evidenceHashes,
        decision.decision(),
        settled,
        // A settlement without a reason keeps the reason given with the approval.
        decision.reason() != null ? decision.reason() : reason,
        at,
        audit.updated(actor, at));
  }
}
