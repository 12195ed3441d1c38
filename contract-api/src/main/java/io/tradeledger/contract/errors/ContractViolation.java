package io.tradeledger.contract.errors;

/**
 * A broken contract rule outside the chaincode: an input record that fails its checks in the API,
 * for example. The message is {@code CODE: detail}, exactly as the chaincode's rejection says.
 */
public final class ContractViolation extends RuntimeException implements Violation.Carrier {
  private final Violation violation;

  public ContractViolation(Violation violation) {
    super(violation.message());
    this.violation = violation;
  }

  @Override
  public Violation violation() {
    return violation;
  }
}
