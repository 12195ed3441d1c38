package io.tradeledger.contract.errors;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Builds the exception that {@link ErrorCode#exception} and every check of this module throw. The
 * default builds a {@link ContractViolation}. A runtime whose callers only see exceptions of its
 * own type registers one implementation as a {@link ServiceLoader} service: the chaincode builds
 * Fabric ChaincodeExceptions, so that a rule broken anywhere (a record's constructor, a check, the
 * chaincode's own rules) reaches the client with its code, and no transaction has to translate.
 */
public interface ViolationFactory {
  /** The factory in use: the one registered service, or the default. */
  ViolationFactory INSTALLED = installed();

  /** The exception for a broken rule; its message must be {@link Violation#message()}. */
  RuntimeException violation(Violation violation);

  private static ViolationFactory installed() {
    List<ViolationFactory> registered =
        ServiceLoader.load(ViolationFactory.class, ViolationFactory.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    if (registered.size() > 1) {
      throw new IllegalStateException("more than one ViolationFactory registered: " + registered);
    }
    return registered.isEmpty() ? ContractViolation::new : registered.get(0);
  }
}
