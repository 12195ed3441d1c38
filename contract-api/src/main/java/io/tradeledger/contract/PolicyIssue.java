package io.tradeledger.contract;

import java.util.List;

/**
 * What an insurer issues: cover on one shipment for the buyer or the seller. {@code
 * beneficiaryMsps} are the parties besides the insured entitled to claim directly from the insurer
 * (the holder of the certificate, such as the buyer when the seller insures under CIF or CIP);
 * absent when only the insured may claim. {@code attachesFromShipment} states that cover attaches
 * from the time the goods were shipped ("lost or not lost"), which a policy issued after departure
 * needs; absent means it attaches when the policy is issued.
 */
public record PolicyIssue(
    String policyId,
    String shipmentId,
    String insuredMsp,
    List<String> beneficiaryMsps,
    Money coverAmount,
    IccClause clauses,
    Boolean attachesFromShipment,
    String certificateHash) {
  public PolicyIssue {
    Checks.id("policyId", policyId);
    Checks.id("shipmentId", shipmentId);
    Checks.mspId("insuredMsp", insuredMsp);
    beneficiaryMsps = beneficiaries(insuredMsp, beneficiaryMsps);
    Checks.present("coverAmount", coverAmount).positive("coverAmount");
    Checks.present("clauses", clauses);
    // Canonical: the attachment is either stated (true) or absent.
    if (Boolean.FALSE.equals(attachesFromShipment)) {
      attachesFromShipment = null;
    }
    Checks.sha256("certificateHash", certificateHash);
  }

  /** Distinct, sorted MSP IDs other than the insured; null when there are none. */
  public static List<String> beneficiaries(String insuredMsp, List<String> beneficiaryMsps) {
    List<String> named =
        Checks.distinct(
            "beneficiaryMsps", Checks.optionalList("beneficiaryMsps", beneficiaryMsps, 5));
    named.forEach(msp -> Checks.mspId("beneficiaryMsps", msp));
    if (named.contains(insuredMsp)) {
      throw Checks.invalid("beneficiaryMsps", "must not repeat the insured, who may claim anyway");
    }
    return named.isEmpty() ? null : named.stream().sorted().toList();
  }

  /** Whether {@code mspId} is the insured or a beneficiary. */
  public boolean entitledToClaim(String mspId) {
    return insuredMsp.equals(mspId) || (beneficiaryMsps != null && beneficiaryMsps.contains(mspId));
  }
}
