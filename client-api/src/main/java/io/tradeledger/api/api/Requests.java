package io.tradeledger.api.api;

import io.tradeledger.contract.ClaimDecision;
import io.tradeledger.contract.ClaimStatus;
import io.tradeledger.contract.ConfidentialTerms;
import io.tradeledger.contract.ConfidentialTerms.Charge;
import io.tradeledger.contract.ConfidentialTerms.LinePrice;
import io.tradeledger.contract.CustomsDecision;
import io.tradeledger.contract.DeclarationStatus;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderDecision;
import io.tradeledger.contract.Payment;
import java.util.List;

/**
 * The request bodies whose shape is the service's own: the rest are contract-api's input records.
 * Ids that the URL names are not repeated in the body: {@code of(ids)} makes the contract's record.
 */
public final class Requests {
  private Requests() {}

  /**
   * Confidential terms as the buyer states them. The service salts them with {@code salt} when
   * given (32 to 128 characters of [A-Za-z0-9_-], kept secret), which makes a retried proposal safe
   * even if the first response was lost; otherwise it draws a random salt. The contract holds them
   * to the order: every line priced once in the order's currency, and the priced total less the
   * discount plus the charges equal to the order's total value.
   */
  public record Terms(
      List<LinePrice> linePrices,
      int discountBasisPoints,
      List<String> clauses,
      String salt,
      List<Charge> charges) {

    /** The terms with their own salt, or {@code fallback} when they have none. */
    public ConfidentialTerms salted(String fallback) {
      return new ConfidentialTerms(
          salt == null ? fallback : salt, linePrices, discountBasisPoints, charges, clauses);
    }
  }

  public record Reason(String reason) {
    public OrderDecision of(String orderId) {
      return new OrderDecision(orderId, reason);
    }
  }

  public record PaymentReference(String paymentReference) {
    public Payment of(String orderId, String milestoneId) {
      return new Payment(orderId, milestoneId, paymentReference);
    }
  }

  public record DecideDeclaration(DeclarationStatus decision, Money assessedDuties, String reason) {
    public CustomsDecision of(String declarationId) {
      return new CustomsDecision(declarationId, decision, assessedDuties, reason);
    }
  }

  public record DecideClaim(ClaimStatus decision, Money settledAmount, String reason) {
    public ClaimDecision of(String claimId) {
      return new ClaimDecision(claimId, decision, settledAmount, reason);
    }
  }
}
