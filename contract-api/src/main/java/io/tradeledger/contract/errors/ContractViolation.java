package io.tradeledger.contract.errors;

import java.util.Objects;

/**
 * A broken contract rule outside the chaincode: an input record that fails its checks in the API,
 * for example. The message is {@code CODE: detail}, exactly as the chaincode's rejection would say.
 */
public final class ContractViolation extends RuntimeException {
  private final ErrorCode code;
  private final String detail;

  public ContractViolation(ErrorCode code, String detail) {
    super(Objects.requireNonNull(code, "code") + ": " + detail);
    this.code = code;
    this.detail = detail;
  }

  public ErrorCode code() {
    return code;
  }

  public String detail() {
    return detail;
  }
}
