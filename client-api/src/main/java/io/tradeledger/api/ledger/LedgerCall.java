package io.tradeledger.api.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chaincode transaction to evaluate or submit: {@code contract:transaction(arguments)}, with
 * optional transient data and, for private data, endorsement by the caller's own organization only.
 */
public record LedgerCall(
    String contract,
    String transaction,
    List<String> arguments,
    Map<String, byte[]> transientData,
    boolean ownOrganizationOnly) {
  public LedgerCall {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(transaction, "transaction");
    arguments = List.copyOf(arguments);
    transientData = Map.copyOf(transientData);
  }

  public static LedgerCall of(String contract, String transaction, String... arguments) {
    return new LedgerCall(contract, transaction, List.of(arguments), Map.of(), false);
  }

  /** A read of the caller's own private data, answered only by its own organization's peer. */
  public static LedgerCall onOwnPeer(String contract, String transaction, String... arguments) {
    return new LedgerCall(contract, transaction, List.of(arguments), Map.of(), true);
  }

  /** A call carrying private data, endorsed only by the caller's own peer. */
  public static LedgerCall privately(
      String contract, String transaction, Map<String, byte[]> transientData, String... arguments) {
    return new LedgerCall(contract, transaction, List.of(arguments), transientData, true);
  }

  /** {@code contract:transaction}, as Fabric names it. */
  public String qualifiedName() {
    return contract + ":" + transaction;
  }
}
