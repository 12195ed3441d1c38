package io.tradeledger.chaincode.domain;

import io.tradeledger.chaincode.errors.ErrorCode;
import java.math.BigInteger;

/**
 * Incoterms 2020 insurance duties: under CIF the seller insures with at least ICC (C), under CIP
 * with ICC (A), both for at least 110% of the order value, in the order's currency. Other rules
 * leave cover to the parties.
 */
public final class InsuranceRules {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final BigInteger MINIMUM_PERCENT = BigInteger.valueOf(110);

  private InsuranceRules() {}

  /** Rejects a policy that does not meet the order's Incoterms rule. */
  public static void check(Order order, PolicyIssue issue) {
    IccClause minimum =
        switch (order.incoterm()) {
          case CIF -> IccClause.ICC_C;
          case CIP -> IccClause.ICC_A;
          default -> null;
        };
    if (minimum == null) {
      return;
    }
    Money value = order.totalValue();
    if (!issue.coverAmount().sameCurrency(value)) {
      throw ErrorCode.POLICY_COVER_INSUFFICIENT.exception(
          "under %s the cover must be in the order's currency %s",
          order.incoterm(), value.currency());
    }
    // cover >= 110% of value, in integers: cover * 100 >= value * 110.
    BigInteger cover = BigInteger.valueOf(issue.coverAmount().amount()).multiply(HUNDRED);
    BigInteger required = BigInteger.valueOf(value.amount()).multiply(MINIMUM_PERCENT);
    if (cover.compareTo(required) < 0) {
      throw ErrorCode.POLICY_COVER_INSUFFICIENT.exception(
          "under %s the cover must be at least 110%% of the order value %d %s",
          order.incoterm(), value.amount(), value.currency());
    }
    if (!issue.clauses().covers(minimum)) {
      throw ErrorCode.POLICY_COVER_INSUFFICIENT.exception(
          "under %s the cover must be at least %s, not %s",
          order.incoterm(), minimum, issue.clauses());
    }
  }
}
