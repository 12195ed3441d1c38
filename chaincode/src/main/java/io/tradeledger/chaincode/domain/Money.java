package io.tradeledger.chaincode.domain;

/**
 * An amount of money: an integer number of minor units (cents for EUR, yen for JPY) and an ISO 4217
 * currency. Never floating point.
 */
public record Money(long amount, String currency) {
  public Money {
    Checks.notNegative("amount", amount);
    Checks.currency("currency", currency);
  }

  /** Rejects a zero amount: most amounts in a trade must be positive. */
  public Money positive(String field) {
    Checks.positive(field + ".amount", amount);
    return this;
  }

  public boolean sameCurrency(Money other) {
    return currency.equals(other.currency);
  }
}
