package io.tradeledger.contract.errors;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A broken contract rule: its stable code and what was wrong. Every exception that carries one has
 * the message {@code CODE: detail}, the only part of a rejection that reaches Fabric clients.
 */
public record Violation(ErrorCode code, String detail) {
  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }

  /** An exception that carries a violation. */
  public interface Carrier {
    Violation violation();
  }

  /** {@code CODE: detail}. */
  public String message() {
    return code + ": " + detail;
  }

  /**
   * The exception to throw for it, of the type the runtime registered ({@link ViolationFactory}).
   */
  public RuntimeException exception() {
    return ViolationFactory.INSTALLED.violation(this);
  }

  /**
   * The violation as the document that holds the broken record reports it: an INVALID_INPUT names
   * its field by the path from the document's root ({@code lines[2].unit must ...}); other codes
   * stay as they are.
   *
   * @param path field names (strings) and list indices (integers) from the root
   */
  public Violation at(List<?> path) {
    if (path.isEmpty() || code != ErrorCode.INVALID_INPUT) {
      return this;
    }
    return new Violation(code, path(path) + "." + detail);
  }

  /** A path as the contract writes it: {@code lines[2].unit}, {@code [0].roles}. */
  public static String path(List<?> path) {
    StringBuilder written = new StringBuilder();
    for (Object segment : path) {
      if (segment instanceof Integer index) {
        written.append('[').append(index).append(']');
      } else {
        written.append(written.length() == 0 ? "" : ".").append(segment);
      }
    }
    return written.toString();
  }

  /** The violation that an exception, or one of its causes, carries. */
  public static Optional<Violation> of(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof Carrier carrier) {
        return Optional.of(carrier.violation());
      }
    }
    return Optional.empty();
  }
}
