package io.tradeledger.contract.transactions;

import java.util.List;
import java.util.Objects;

/**
 * One transaction of the chaincode: its contract, its name, whether it is submitted or evaluated
 * ({@link Submit} or {@link Evaluate}, so that a client cannot evaluate a write by mistake), and
 * its parameters with the input type {@code I} they take. Results are the contract's JSON documents
 * (docs/CONTRACT.md). Every transaction is a constant of {@link Transactions}.
 *
 * @param <I> the input a caller passes
 */
public abstract sealed class Transaction<I> permits Submit, Evaluate {
  private final String contract;
  private final String name;
  private final Intent intent;
  private final Parameters<I> parameters;

  Transaction(String contract, String name, Intent intent, Parameters<I> parameters) {
    this.contract = Objects.requireNonNull(contract, "contract");
    this.name = Objects.requireNonNull(name, "name");
    this.intent = Objects.requireNonNull(intent, "intent");
    this.parameters = Objects.requireNonNull(parameters, "parameters");
  }

  /** The contract's name, such as {@code orders}. */
  public String contract() {
    return contract;
  }

  /** The transaction's name, such as {@code ProposeOrder}. */
  public String name() {
    return name;
  }

  /** {@code contract:Name}, as Fabric calls it: {@code orders:ProposeOrder}. */
  public String qualifiedName() {
    return contract + ":" + name;
  }

  public Intent intent() {
    return intent;
  }

  /** The parameters' names, in order. */
  public List<String> parameterNames() {
    return parameters.names();
  }

  /** The arguments for one call with this input. */
  public List<Argument> arguments(I input) {
    return parameters.arguments(input);
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
