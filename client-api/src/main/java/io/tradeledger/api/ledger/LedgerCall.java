package io.tradeledger.api.ledger;

import io.tradeledger.contract.transactions.Evaluate;
import io.tradeledger.contract.transactions.Submit;
import io.tradeledger.contract.transactions.Transaction;
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

  /**
   * A call of {@code transaction} with these arguments, endorsed as the contract's policies say.
   */
  public static LedgerCall of(Transaction<?> transaction, List<String> arguments) {
    return new LedgerCall(transaction.contract(), transaction.name(), arguments, Map.of(), false);
  }

  /** A read of the caller's own private data, answered only by its own organization's peer. */
  public static LedgerCall onOwnPeer(Evaluate<?> transaction, List<String> arguments) {
    return new LedgerCall(transaction.contract(), transaction.name(), arguments, Map.of(), true);
  }

  /** A call carrying private data, endorsed only by the caller's own peer. */
  public static LedgerCall privately(
      Submit<?> transaction, Map<String, byte[]> transientData, List<String> arguments) {
    return new LedgerCall(
        transaction.contract(), transaction.name(), arguments, transientData, true);
  }

  /** {@code contract:transaction}, as Fabric names it. */
  public String qualifiedName() {
    return contract + ":" + transaction;
  }
}
