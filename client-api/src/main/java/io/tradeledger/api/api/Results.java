package io.tradeledger.api.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tradeledger.contract.ConfidentialTerms;

/**
 * Response bodies the service composes itself. Everything else it returns is the contract's own
 * JSON, passed through unchanged (see docs/CONTRACT.md).
 */
public final class Results {
  private Results() {}

  /**
   * A proposed order: the order as the contract stored it, the salted terms that the buyer hands to
   * the seller off the ledger, and their hash, which is the order's termsHash.
   */
  public record ProposedOrder(
      @JsonRawValue
          @Schema(type = "object", description = "the order as orders:GetOrder returns it")
          String order,
      ConfidentialTerms terms,
      String termsHash) {}
}
