package io.tradeledger.chaincode.errors;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.contract.errors.Violation;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A rejected transaction. The message is {@code CODE: detail}; the payload is the code alone, for
 * clients that can read it.
 */
public final class LedgerException extends ChaincodeException implements Violation.Carrier {
  private final Violation violation;

  public LedgerException(Violation violation) {
    super(violation.message(), violation.code().name().getBytes(UTF_8));
    this.violation = violation;
  }

  public LedgerException(ErrorCode code, String detail) {
    this(new Violation(code, detail));
  }

  @Override
  public Violation violation() {
    return violation;
  }
}
