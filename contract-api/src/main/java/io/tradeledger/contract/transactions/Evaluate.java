package io.tradeledger.contract.transactions;

/**
 * A read: run on a peer, never committed.
 *
 * @param <I> the input a caller passes
 */
public final class Evaluate<I> extends Transaction<I> {
  Evaluate(String contract, String name, Parameters<I> parameters) {
    super(contract, name, Intent.EVALUATE, parameters);
  }
}
