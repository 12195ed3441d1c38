package io.tradeledger.chaincode.errors;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tradeledger.contract.errors.ErrorCode;
import java.util.Objects;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A rejected transaction. The message is {@code CODE: detail}; the payload is the code alone, for
 * clients that can read it.
 */
public final class LedgerException extends ChaincodeException {
  private final ErrorCode code;
  private final String detail;

  public LedgerException(ErrorCode code, String detail) {
    super(Objects.requireNonNull(code, "code") + ": " + detail, code.name().getBytes(UTF_8));
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
