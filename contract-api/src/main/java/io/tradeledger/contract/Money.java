package io.tradeledger.contract;

import java.math.BigDecimal;

/**
 * An amount of money: an integer number of minor units (cents for EUR, yen for JPY, fils for BHD)
 * and an ISO 4217 trading currency. Never floating point.
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

  /** The currency's minor-unit exponent: 0 for JPY, 2 for EUR, 3 for BHD. */
  public int minorUnits() {
    return Checks.minorUnits(currency);
  }

  /** The amount in major units for messages, e.g. {@code 125000.00 EUR} or {@code 1000 JPY}. */
  public String display() {
    return BigDecimal.valueOf(amount, minorUnits()).toPlainString() + " " + currency;
  }
}
