package io.tradeledger.api.ledger;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the contract's stable error code in what the Fabric Gateway reports. The Gateway passes
 * only the chaincode's message, wrapped, for example {@code chaincode response 500,
 * ORDER_NOT_FOUND: no order o-1}. Only text after {@code chaincode response N,} counts, so gRPC
 * status names such as {@code DEADLINE_EXCEEDED} are never taken for contract codes. The detail
 * ends with its line: when several peers refuse, each adds a line of its own raw response.
 */
public final class ChaincodeErrors {
  private static final Pattern CODE =
      Pattern.compile("chaincode response \\d+, ([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+): ([^\\n]*)");

  private ChaincodeErrors() {}

  /** The code and detail in a chaincode error message, if it carries one. */
  public static Optional<Coded> parse(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher matcher = CODE.matcher(message);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(new Coded(matcher.group(1), matcher.group(2).strip()));
  }

  /** A stable code and its detail. */
  public record Coded(String code, String detail) {}
}
