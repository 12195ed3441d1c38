package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Checks;
import io.tradeledger.contract.IccClause;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.PolicyIssue;
import java.util.List;
import java.util.Objects;

/**
 * Cargo insurance on one shipment, issued by an insurer, which alone may change it or decide its
 * claims. {@code certificateHash} is the SHA-256 of the insurance certificate. The insured and the
 * {@code beneficiaryMsps} (absent when none) are the parties entitled to claim; {@code
 * attachesFromShipment} (absent when not stated) says cover runs from the time of shipment.
 */
public record InsurancePolicy(
    String policyId,
    String shipmentId,
    String orderId,
    String insurerMsp,
    String insuredMsp,
    List<String> beneficiaryMsps,
    Money coverAmount,
    IccClause clauses,
    Boolean attachesFromShipment,
    String certificateHash,
    Audit audit) {
  public InsurancePolicy {
    Checks.id("policyId", policyId);
    Checks.id("shipmentId", shipmentId);
    Checks.id("orderId", orderId);
    Objects.requireNonNull(insurerMsp, "insurerMsp");
    Objects.requireNonNull(insuredMsp, "insuredMsp");
    beneficiaryMsps = PolicyIssue.beneficiaries(insuredMsp, beneficiaryMsps);
    Objects.requireNonNull(coverAmount, "coverAmount");
    Objects.requireNonNull(clauses, "clauses");
    if (Boolean.FALSE.equals(attachesFromShipment)) {
      attachesFromShipment = null;
    }
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
        issue.beneficiaryMsps(),
        issue.coverAmount(),
        issue.clauses(),
        issue.attachesFromShipment(),
        issue.certificateHash(),
        audit);
  }

  /** The issue this policy was created from, to recognise a repeated issue. */
  public PolicyIssue issue() {
    return new PolicyIssue(
        policyId,
        shipmentId,
        insuredMsp,
        beneficiaryMsps,
        coverAmount,
        clauses,
        attachesFromShipment,
        certificateHash);
  }

  /** Whether {@code mspId} may file a claim: the insured or a beneficiary. */
  public boolean entitledToClaim(String mspId) {
    return issue().entitledToClaim(mspId);
  }
}
