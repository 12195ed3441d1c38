package io.tradeledger.contract;

import java.util.List;

/** What the insured files: an amount, a description and the SHA-256 of each piece of evidence. */
public record ClaimFiling(
    String claimId,
    String policyId,
    Money amount,
    String description,
    List<String> evidenceHashes) {
  public ClaimFiling {
    Checks.id("claimId", claimId);
    Checks.id("policyId", policyId);
    Checks.present("amount", amount).positive("amount");
    Checks.text("description", description, Checks.MAX_TEXT);
    evidenceHashes =
        Checks.distinct("evidenceHashes", Checks.list("evidenceHashes", evidenceHashes, 1, 20));
    evidenceHashes.forEach(hash -> Checks.sha256("evidenceHashes", hash));
  }
}
