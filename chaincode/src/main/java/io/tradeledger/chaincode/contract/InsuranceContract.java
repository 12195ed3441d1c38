package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Audit;
import io.tradeledger.chaincode.domain.Claim;
import io.tradeledger.chaincode.domain.InsurancePolicy;
import io.tradeledger.chaincode.domain.InsuranceRules;
import io.tradeledger.chaincode.domain.Order;
import io.tradeledger.chaincode.domain.Shipment;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.ClaimRepository;
import io.tradeledger.chaincode.state.OrderRepository;
import io.tradeledger.chaincode.state.PolicyRepository;
import io.tradeledger.chaincode.state.ShipmentRepository;
import io.tradeledger.chaincode.state.TradeParties;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.ClaimDecision;
import io.tradeledger.contract.ClaimFiling;
import io.tradeledger.contract.OrderStatus;
import io.tradeledger.contract.PolicyIssue;
import io.tradeledger.contract.Role;
import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.contract.transactions.ContractNames;
import io.tradeledger.contract.transactions.TransactionNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Cargo insurance: an insurer issues a policy on a shipment and decides the claims that the insured
 * and the policy's beneficiaries file. Policies and claims are endorsed by the insurer alone once
 * they exist.
 */
@Contract(
    name = ContractNames.INSURANCE,
    info = @Info(title = "Trade Ledger insurance", version = "1.0"))
public final class InsuranceContract implements ContractInterface {

  /**
   * An INSURER issues a policy on a shipment of an accepted order, for its buyer or seller, before
   * the shipment arrives.
   *
   * @param issueJson {@code {policyId, shipmentId, insuredMsp, beneficiaryMsps?, coverAmount,
   *     clauses: ICC_A | ICC_B | ICC_C, attachesFromShipment?, certificateHash}}
   * @return the policy as JSON
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, NOT_A_PARTICIPANT,
   *     ROLE_REQUIRED, SHIPMENT_NOT_FOUND, ORDER_NOT_ACCEPTED, POLICY_AFTER_ARRIVAL,
   *     POLICY_MUST_ATTACH_FROM_SHIPMENT (issued after departure), POLICY_BUYER_CANNOT_CLAIM and
   *     POLICY_COVER_INSUFFICIENT (Incoterms CIF/CIP), POLICY_CONFLICT
   */
  @Transaction(name = TransactionNames.ISSUE_POLICY, intent = Transaction.TYPE.SUBMIT)
  public String issuePolicy(Context context, String issueJson) {
    Tx tx = Tx.of(context);
    PolicyIssue issue = CanonicalJson.parse(issueJson, PolicyIssue.class);
    Access.withRole(tx, Role.INSURER);
    Shipment shipment = Trades.readableShipment(tx, issue.shipmentId());
    PolicyRepository policies = new PolicyRepository(tx.state());
    Optional<InsurancePolicy> existing = policies.find(issue.policyId());
    if (existing.isPresent()) {
      if (existing.get().insurerMsp().equals(tx.callerMsp())
          && existing.get().issue().equals(issue)) {
        return CanonicalJson.write(existing.get());
      }
      throw ErrorCode.POLICY_CONFLICT.exception(
          "policy %s exists with different content", issue.policyId());
    }
    Order order = new OrderRepository(tx.state()).find(shipment.orderId()).orElseThrow();
    if (order.status() != OrderStatus.ACCEPTED) {
      throw ErrorCode.ORDER_NOT_ACCEPTED.exception(
          "order %s is %s, not ACCEPTED", order.orderId(), order.status());
    }
    if (!order.isParty(issue.insuredMsp())) {
      throw Checks.invalid(
          "insuredMsp", "must be the buyer or the seller of order " + order.orderId());
    }
    if (issue.beneficiaryMsps() != null
        && !issue.beneficiaryMsps().stream().allMatch(order::isParty)) {
      throw Checks.invalid(
          "beneficiaryMsps", "must be the buyer or the seller of order " + order.orderId());
    }
    InsuranceRules.checkTiming(shipment, issue);
    List<Shipment> orderShipments = new ShipmentRepository(tx.state()).findByOrder(order.orderId());
    List<InsurancePolicy> orderPolicies =
        orderShipments.stream()
            .flatMap(each -> policies.findByShipment(each.shipmentId()).stream())
            .toList();
    InsuranceRules.check(order, issue, InsuranceRules.goodsValue(order, shipment), orderPolicies);
    InsurancePolicy policy =
        InsurancePolicy.issue(
            issue, shipment, tx.callerMsp(), Audit.created(tx.caller(), tx.now()));
    policies.save(policy);
    tx.state().endorsedByAll(policies.key(policy.policyId()), List.of(policy.insurerMsp()));
    // The insurer follows the trade it covers: ListOrders shows it, with its claims to decide.
    new TradeParties(tx.state()).join(order.orderId(), policy.insurerMsp());
    tx.emit(
        "PolicyIssued",
        Map.of(
            "policyId", policy.policyId(),
            "shipmentId", policy.shipmentId(),
            "orderId", policy.orderId()));
    return CanonicalJson.write(policy);
  }

  /**
   * The insured or a beneficiary of the policy files a claim within what remains of the cover once
   * the policy's approved and settled claims are deducted.
   *
   * @param filingJson {@code {claimId, policyId, amount, description, evidenceHashes}}
   * @return the claim as JSON (FILED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, POLICY_NOT_FOUND,
   *     ACCESS_DENIED (neither the insured nor a beneficiary), CLAIM_AMOUNT_EXCEEDS_COVER,
   *     CLAIM_CONFLICT
   */
  @Transaction(name = TransactionNames.FILE_CLAIM, intent = Transaction.TYPE.SUBMIT)
  public String fileClaim(Context context, String filingJson) {
    Tx tx = Tx.of(context);
    ClaimFiling filing = CanonicalJson.parse(filingJson, ClaimFiling.class);
    InsurancePolicy policy = readablePolicy(tx, filing.policyId());
    if (!policy.entitledToClaim(tx.callerMsp())) {
      throw ErrorCode.ACCESS_DENIED.exception(
          "only the insured %s or a beneficiary of policy %s may claim; caller is %s",
          policy.insuredMsp(), policy.policyId(), tx.callerMsp());
    }
    ClaimRepository claims = new ClaimRepository(tx.state());
    Optional<Claim> existing = claims.find(filing.claimId());
    if (existing.isPresent()) {
      if (existing.get().filing().equals(filing)) {
        return CanonicalJson.write(existing.get());
      }
      throw ErrorCode.CLAIM_CONFLICT.exception(
          "claim %s exists with different content", filing.claimId());
    }
    Claim claim = Claim.file(filing, policy, Audit.created(tx.caller(), tx.now()));
    InsuranceRules.checkWithinCover(
        policy, claim.claimId(), claim.amount().amount(), claims.findByPolicy(policy.policyId()));
    claims.save(claim);
    tx.state().endorsedByAll(claims.key(claim.claimId()), List.of(policy.insurerMsp()));
    tx.emit(
        "ClaimFiled",
        Map.of(
            "claimId", claim.claimId(), "policyId", policy.policyId(), "orderId", claim.orderId()));
    return CanonicalJson.write(claim);
  }

  /**
   * The policy's insurer decides a claim.
   *
   * @param decisionJson {@code {claimId, decision: APPROVED | REJECTED | SETTLED, settledAmount
   *     (SETTLED only), reason (required for REJECTED)}}
   * @return the claim as JSON
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, CLAIM_NOT_FOUND,
   *     ACCESS_DENIED (not the insurer), CLAIM_INVALID_TRANSITION, CLAIM_AMOUNT_EXCEEDS_COVER
   *     (approving or settling would take the policy's approved and settled claims beyond its
   *     cover)
   */
  @Transaction(name = TransactionNames.DECIDE_CLAIM, intent = Transaction.TYPE.SUBMIT)
  public String decideClaim(Context context, String decisionJson) {
    Tx tx = Tx.of(context);
    ClaimDecision decision = CanonicalJson.parse(decisionJson, ClaimDecision.class);
    Claim claim = readableClaim(tx, decision.claimId());
    Access.requireCaller(tx, claim.insurerMsp(), "insurer");
    Claim decided = claim.decide(decision, tx.caller(), tx.now());
    if (decided.committedAmount() > 0) {
      InsurancePolicy policy =
          new PolicyRepository(tx.state()).find(claim.policyId()).orElseThrow();
      InsuranceRules.checkWithinCover(
          policy,
          claim.claimId(),
          decided.committedAmount(),
          new ClaimRepository(tx.state()).findByPolicy(policy.policyId()));
    }
    new ClaimRepository(tx.state()).save(decided);
    tx.emit(
        "ClaimDecided",
        Map.of(
            "claimId", claim.claimId(), "policyId", claim.policyId(), "orderId", claim.orderId()));
    return CanonicalJson.write(decided);
  }

  /**
   * One policy.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, POLICY_NOT_FOUND
   */
  @Transaction(name = TransactionNames.GET_POLICY, intent = Transaction.TYPE.EVALUATE)
  public String getPolicy(Context context, String policyId) {
    Tx tx = Tx.of(context);
    Checks.id("policyId", policyId);
    return CanonicalJson.write(readablePolicy(tx, policyId));
  }

  /**
   * One claim.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, CLAIM_NOT_FOUND
   */
  @Transaction(name = TransactionNames.GET_CLAIM, intent = Transaction.TYPE.EVALUATE)
  public String getClaim(Context context, String claimId) {
    Tx tx = Tx.of(context);
    Checks.id("claimId", claimId);
    return CanonicalJson.write(readableClaim(tx, claimId));
  }

  /**
   * A policy's claims by id.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, POLICY_NOT_FOUND
   */
  @Transaction(name = TransactionNames.LIST_CLAIMS, intent = Transaction.TYPE.EVALUATE)
  public String listClaims(Context context, String policyId) {
    Tx tx = Tx.of(context);
    Checks.id("policyId", policyId);
    readablePolicy(tx, policyId);
    return CanonicalJson.write(new ClaimRepository(tx.state()).findByPolicy(policyId));
  }

  private static InsurancePolicy readablePolicy(Tx tx, String policyId) {
    return new PolicyRepository(tx.state())
        .find(policyId)
        .filter(policy -> TradeAccess.canRead(tx, policy.orderId()))
        .orElseThrow(() -> ErrorCode.POLICY_NOT_FOUND.exception("no policy %s", policyId));
  }

  private static Claim readableClaim(Tx tx, String claimId) {
    return new ClaimRepository(tx.state())
        .find(claimId)
        .filter(claim -> TradeAccess.canRead(tx, claim.orderId()))
        .orElseThrow(() -> ErrorCode.CLAIM_NOT_FOUND.exception("no claim %s", claimId));
  }
}
