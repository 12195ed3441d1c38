package io.tradeledger.api.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tradeledger.api.ledger.TransactionStatus;
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

  /**
   * What became of a transaction: {@code status} VALID, INVALID or UNKNOWN; {@code blockNumber} and
   * {@code validationCode} once it committed.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Transaction(String txId, String status, Long blockNumber, String validationCode) {
    public static Transaction of(TransactionStatus status) {
      boolean committed = status.state() != TransactionStatus.State.UNKNOWN;
      return new Transaction(
          status.transactionId(),
          status.state().name(),
          committed ? status.blockNumber() : null,
          status.validationCode());
    }
  }

  /**
   * Who is calling: the API user's name, role ({@code WRITER} or {@code READER}) and organization
   * (its MSP ID), as the dashboard shows them after sign-in.
   */
  public record Caller(String user, String role, String organization) {}
}
