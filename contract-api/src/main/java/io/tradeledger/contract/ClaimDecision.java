package io.tradeledger.contract;

/** The insurer's decision: APPROVED, REJECTED (with a reason) or SETTLED (with the amount paid). */
public record ClaimDecision(
    String claimId, ClaimStatus decision, Money settledAmount, String reason) {
  public ClaimDecision {
    Checks.id("claimId", claimId);
    Checks.present("decision", decision);
    if (decision == ClaimStatus.FILED) {
      throw Checks.invalid("decision", "must be APPROVED, REJECTED or SETTLED");
    }
    if (decision == ClaimStatus.SETTLED) {
      Checks.present("settledAmount", settledAmount).positive("settledAmount");
    } else if (settledAmount != null) {
      throw Checks.invalid("settledAmount", "is only for SETTLED");
    }
    if (decision == ClaimStatus.REJECTED) {
      Checks.text("reason", reason, Checks.MAX_TEXT);
    } else {
      Checks.optionalText("reason", reason, Checks.MAX_TEXT);
    }
  }
}
