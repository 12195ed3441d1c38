package io.tradeledger.contract.transactions;

import java.util.Objects;

/**
 * One argument as the chaincode receives it. Chaincode arguments are strings: an id goes as it is,
 * a record as its JSON, which the caller writes with its own JSON mapper (this module has none).
 */
public sealed interface Argument {
  /** A plain string argument, such as an id. */
  record Text(String value) implements Argument {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A value the caller sends as JSON: one of this module's records, or a list of them. */
  record Json(Object value) implements Argument {
    public Json {
      Objects.requireNonNull(value, "value");
    }
  }
}
