package io.tradeledger.contract;

/**
 * A customs authority's decision: SELECTED_FOR_INSPECTION, RELEASED with the duties it assessed
 * (zero allowed), or REJECTED with a reason.
 */
public record CustomsDecision(
    String declarationId, DeclarationStatus decision, Money assessedDuties, String reason) {
  public CustomsDecision {
    Checks.id("declarationId", declarationId);
    Checks.present("decision", decision);
    if (decision == DeclarationStatus.FILED) {
      throw Checks.invalid("decision", "must be SELECTED_FOR_INSPECTION, RELEASED or REJECTED");
    }
    if (decision == DeclarationStatus.RELEASED) {
      Checks.present("assessedDuties", assessedDuties);
    } else if (assessedDuties != null) {
      throw Checks.invalid("assessedDuties", "is only for RELEASED");
    }
    if (decision == DeclarationStatus.REJECTED) {
      Checks.text("reason", reason, Checks.MAX_TEXT);
    } else if (reason != null) {
      throw Checks.invalid("reason", "is only for REJECTED");
    }
  }
}
