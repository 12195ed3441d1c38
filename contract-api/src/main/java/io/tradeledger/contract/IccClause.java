package io.tradeledger.contract;

/** Institute Cargo Clauses, from the widest cover (A, all risks) to the narrowest (C). */
public enum IccClause {
  ICC_A,
  ICC_B,
  ICC_C;

  /** Whether this cover is at least as wide as {@code minimum}. */
  public boolean covers(IccClause minimum) {
    return compareTo(minimum) <= 0;
  }
}
