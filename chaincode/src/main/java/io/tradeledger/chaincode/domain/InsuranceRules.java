package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.IccClause;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.PolicyIssue;
import io.tradeledger.contract.ShipmentStatus;
import io.tradeledger.contract.errors.ErrorCode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Cargo insurance rules. Incoterms 2020 (A5 of CIF and CIP): the seller insures with at least ICC
 * (C) under CIF and ICC (A) under CIP, for at least 110% of the value of the goods insured, in the
 * order's currency, with cover that lets the buyer claim directly from the insurer. Other rules
 * leave cover to the parties. For every policy: cover is issued before the goods arrive, and after
 * departure only if it attaches from shipment; the approved and settled claims together never
 * exceed the cover.
 */
public final class InsuranceRules {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final BigInteger MINIMUM_PERCENT = BigInteger.valueOf(110);

  private InsuranceRules() {}

  /**
   * The value of the goods a shipment carries, where the public quantities tell it exactly (prices
   * are in the confidential terms, out of the contract's reach at issue): the order's whole value
   * when the shipment moves every ordered quantity; for an order of one line, the value pro rata to
   * the quantity it moves, rounded up to the minor unit so that 110% of it is never understated.
   * Empty otherwise (part of an order of several lines, whose lines' prices differ): then the
   * order's policies together must cover the order ({@link #check}).
   */
  public static Optional<Money> goodsValue(Order order, Shipment shipment) {
    Money total = order.totalValue();
    boolean whole = true;
    for (int line = 1; line <= order.lines().size(); line++) {
      whole &= shipment.quantityOf(line) >= order.lines().get(line - 1).quantity();
    }
    if (whole) {
      return Optional.of(total);
    }
    if (order.lines().size() != 1) {
      return Optional.empty();
    }
    BigInteger ordered = BigInteger.valueOf(order.lines().get(0).quantity());
    BigInteger[] share =
        BigInteger.valueOf(total.amount())
            .multiply(BigInteger.valueOf(shipment.quantityOf(1)))
            .divideAndRemainder(ordered);
    BigInteger value = share[1].signum() == 0 ? share[0] : share[0].add(BigInteger.ONE);
    return Optional.of(new Money(value.longValueExact(), total.currency()));
  }

  /**
   * Rejects a policy issued too late for its shipment: {@link ErrorCode#POLICY_AFTER_ARRIVAL} once
   * the shipment arrived, {@link ErrorCode#POLICY_MUST_ATTACH_FROM_SHIPMENT} after departure unless
   * cover attaches from shipment.
   */
  public static void checkTiming(Shipment shipment, PolicyIssue issue) {
    if (shipment.status().atLeast(ShipmentStatus.ARRIVED)) {
      throw ErrorCode.POLICY_AFTER_ARRIVAL.exception(
          "shipment %s is %s: cargo cover is issued before arrival",
          shipment.shipmentId(), shipment.status());
    }
    if (shipment.status().atLeast(ShipmentStatus.IN_TRANSIT)
        && !Boolean.TRUE.equals(issue.attachesFromShipment())) {
      throw ErrorCode.POLICY_MUST_ATTACH_FROM_SHIPMENT.exception(
          "shipment %s has departed: the policy must state attachesFromShipment",
          shipment.shipmentId());
    }
  }

  /**
   * Rejects a policy that does not meet the order's Incoterms rule.
   *
   * @param goodsValue the value of the goods on the policy's shipment, if known ({@link
   *     #goodsValue})
   * @param otherPolicies the order's policies already issued, on any of its shipments; when the
   *     goods value is not known, they and this policy together must cover 110% of the order value
   */
  public static void check(
      Order order,
      PolicyIssue issue,
      Optional<Money> goodsValue,
      List<InsurancePolicy> otherPolicies) {
    IccClause minimum =
        switch (order.incoterm()) {
          case CIF -> IccClause.ICC_C;
          case CIP -> IccClause.ICC_A;
          default -> null;
        };
    if (minimum == null) {
      return;
    }
    if (!issue.entitledToClaim(order.buyerMsp())) {
      throw ErrorCode.POLICY_BUYER_CANNOT_CLAIM.exception(
          "under %s the buyer %s must be able to claim directly: insured or a beneficiary",
          order.incoterm(), order.buyerMsp());
    }
    Money orderValue = order.totalValue();
    if (!issue.coverAmount().sameCurrency(orderValue)) {
      throw ErrorCode.POLICY_COVER_INSUFFICIENT.exception(
          "under %s the cover must be in the order's currency %s",
          order.incoterm(), orderValue.currency());
    }
    if (!issue.clauses().covers(minimum)) {
      throw ErrorCode.POLICY_COVER_INSUFFICIENT.exception(
          "under %s the cover must be at least %s, not %s",
          order.incoterm(), minimum, issue.clauses());
    }
    if (goodsValue.isPresent()) {
      requireMinimum(
          order,
          BigInteger.valueOf(issue.coverAmount().amount()),
          goodsValue.get(),
          "the goods shipped");
      return;
    }
    BigInteger together =
        otherPolicies.stream()
            .filter(policy -> policy.coverAmount().sameCurrency(orderValue))
            .filter(policy -> policy.clauses().covers(minimum))
            .map(policy -> BigInteger.valueOf(policy.coverAmount().amount()))
            .reduce(BigInteger.valueOf(issue.coverAmount().amount()), BigInteger::add);
    requireMinimum(order, together, orderValue, "the order, by its policies together");
  }

  /**
   * Rejects a claim amount that, with the other claims' approved and settled amounts, would exceed
   * the policy's cover: {@link ErrorCode#CLAIM_AMOUNT_EXCEEDS_COVER}.
   */
  public static void checkWithinCover(
      InsurancePolicy policy, String claimId, long amount, List<Claim> claims) {
    BigInteger committed =
        claims.stream()
            .filter(claim -> !claim.claimId().equals(claimId))
            .map(claim -> BigInteger.valueOf(claim.committedAmount()))
            .reduce(BigInteger.ZERO, BigInteger::add);
    long cover = policy.coverAmount().amount();
    if (committed.add(BigInteger.valueOf(amount)).compareTo(BigInteger.valueOf(cover)) > 0) {
      throw ErrorCode.CLAIM_AMOUNT_EXCEEDS_COVER.exception(
          "claim %s of %d with %d already approved or settled exceeds the cover of %d %s",
          claimId, amount, committed, cover, policy.coverAmount().currency());
    }
  }

  // cover >= 110% of value, in integers: cover * 100 >= value * 110.
  private static void requireMinimum(Order order, BigInteger cover, Money value, String insured) {
    BigInteger covered = cover.multiply(HUNDRED);
    BigInteger required = BigInteger.valueOf(value.amount()).multiply(MINIMUM_PERCENT);
    if (covered.compareTo(required) < 0) {
      throw ErrorCode.POLICY_COVER_INSUFFICIENT.exception(
          "under %s the cover must be at least 110%% of the value of %s, %d %s",
          order.incoterm(), insured, value.amount(), value.currency());
    }
  }
}
