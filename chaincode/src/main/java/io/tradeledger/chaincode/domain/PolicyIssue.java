package io.tradeledger.chaincode.domain;

/** What an insurer issues: cover on one shipment for the buyer or the seller. */
public record PolicyIssue(
    String policyId,
    String shipmentId,
    String insuredMsp,
    Money coverAmount,
    IccClause clauses,
    String certificateHash) {
  public PolicyIssue {
    Checks.id("policyId", policyId);
    Checks.id("shipmentId", shipmentId);
    Checks.mspId("insuredMsp", insuredMsp);
    Checks.present("coverAmount", coverAmount).positive("coverAmount");
    Checks.present("clauses", clauses);
    Checks.sha256("certificateHash", certificateHash);
  }
}
