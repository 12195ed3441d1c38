package io.tradeledger.contract.transactions;

/**
 * A transaction that writes: endorsed, ordered and committed.
 *
 * @param <I> the input a caller passes
 */
public final class Submit<I> extends Transaction<I> {
  Submit(String contract, String name, Parameters<I> parameters) {
    super(contract, name, Intent.SUBMIT, parameters);
  }
}
