package io.tradeledger.api.ledger;

import java.util.Objects;

/**
 * The contract or the network refused a transaction: {@code code} is the contract's stable error
 * code (ORDER_NOT_FOUND, ...) or, for a transaction invalidated at commit, its validation code
 * (ENDORSEMENT_POLICY_FAILURE, ...).
 */
public final class LedgerRejection extends LedgerException {
  private final String code;
  private final String detail;

  public LedgerRejection(String code, String detail, String transactionId, Throwable cause) {
    super(code + ": " + detail, transactionId, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String code() {
    return code;
  }

  public String detail() {
    return detail;
  }
}
