package io.tradeledger.chaincode.domain;

import java.util.Objects;

/**
 * Cargo insurance on one shipment, issued by an insurer, which alone may change it or decide its
 * claims. {@code certificateHash} is the SHA-256 of the insurance certificate.
 */
public record InsurancePolicy(
    String policyId,
    String shipmentId,
    String orderId,
    String insurerMsp,
    String insuredMsp,
    Money coverAmount,
    IccClause clauses,
    String certificateHash,
    Audit audit) {
  public InsurancePolicy {
    Checks.id("policyId", policyId);
    Checks.id("shipmentId", shipmentId);
    Checks.id("orderId", orderId);
    Objects.requireNonNull(insurerMsp, "insurerMsp");
    Objects.requireNonNull(insuredMsp, "insuredMsp");
    Objects.requireNonNull(coverAmount, "coverAmount");
    Objects.requireNonNull(clauses, "clauses");
    Objects.requireNonNull(certificateHash, "certificateHash");
    Objects.requireNonNull(audit, "audit");
  }

  public static InsurancePolicy issue(
      PolicyIssue issue, Shipment shipment, String insurerMsp, Audit audit) {
    return new InsurancePolicy(
        issue.policyId(),
        issue.shipmentId(),
        shipment.orderId(),
        insurerMsp,
        issue.insuredMsp(),
        issue.coverAmount(),
        issue.clauses(),
        issue.certificateHash(),
        audit);
  }

  /** The issue this policy was created from, to recognise a repeated issue. */
  public PolicyIssue issue() {
    return new PolicyIssue(policyId, shipmentId, insuredMsp, coverAmount, clauses, certificateHash);
  }
}
