package io.tradeledger.contract.transactions;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A transaction's parameters: their names, as the chaincode declares them, and how an input of type
 * {@code I} becomes the arguments.
 *
 * @param <I> what a caller passes: a record sent as JSON, a String id, or {@link Void} for none
 */
public final class Parameters<I> {
  private final List<String> names;
  private final Function<I, List<Argument>> arguments;

  private Parameters(List<String> names, Function<I, List<Argument>> arguments) {
    this.names = List.copyOf(names);
    this.arguments = arguments;
  }

  /** One parameter taking the input as JSON. */
  public static <I> Parameters<I> json(String name) {
    return new Parameters<>(List.of(name), input -> List.of(new Argument.Json(input)));
  }

  /** One parameter taking the input, an id, as it is. */
  public static Parameters<String> text(String name) {
    return new Parameters<>(List.of(name), input -> List.of(new Argument.Text(input)));
  }

  /** Several string parameters, read from the input record in this order. */
  public static <I> Parameters<I> texts(Function<I, List<String>> values, String... names) {
    return new Parameters<>(
        List.of(names),
        input ->
            values.apply(input).stream()
                .map(Argument.Text::new)
                .map(Argument.class::cast)
                .toList());
  }

  /** No parameter at all. */
  public static Parameters<Void> none() {
    return new Parameters<>(List.of(), input -> List.of());
  }

  public List<String> names() {
    return names;
  }

  /** The arguments for one call, as many as there are names. */
  public List<Argument> arguments(I input) {
    List<Argument> values =
        arguments.apply(names.isEmpty() ? input : Objects.requireNonNull(input, "input"));
    if (values.size() != names.size()) {
      throw new IllegalArgumentException(
          "expected " + names.size() + " arguments " + names + ", got " + values.size());
    }
    return values;
  }
}
