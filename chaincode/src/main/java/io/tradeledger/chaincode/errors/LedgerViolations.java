package io.tradeledger.chaincode.errors;

import io.tradeledger.contract.errors.Violation;
import io.tradeledger.contract.errors.ViolationFactory;

/**
 * Registered in {@code META-INF/services}: every broken rule, whether checked by the contract API's
 * records or by the chaincode, is thrown as a {@link LedgerException}, the ChaincodeException whose
 * message the shim passes to clients.
 */
public final class LedgerViolations implements ViolationFactory {
  @Override
  public RuntimeException violation(Violation violation) {
    return new LedgerException(violation);
  }
}
