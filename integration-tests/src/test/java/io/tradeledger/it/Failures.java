package io.tradeledger.it;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * What a Gateway failure says. The contract's rejection reaches the client only inside the
 * Gateway's error details, one per peer, as {@code chaincode response 500, CODE: detail}.
 */
public final class Failures {
  private static final Pattern CONTRACT_CODE =
      Pattern.compile("chaincode response \\d+, ([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+): ");

  private Failures() {}

  /** The failure {@code call} must end in; fails the test when it succeeds or fails otherwise. */
  public static <T extends Throwable> T thrownBy(Class<T> type, ThrowingCallable call) {
    Throwable thrown = null;
    try {
      call.call();
    } catch (Throwable e) {
      thrown = e;
    }
    if (thrown == null) {
      throw new AssertionError("expected " + type.getSimpleName() + " but the call succeeded");
    }
    if (!type.isInstance(thrown)) {
      throw new AssertionError("expected " + type.getSimpleName() + " but got " + thrown, thrown);
    }
    return type.cast(thrown);
  }

  /** The gRPC status and every peer's detail, one per line. */
  public static String describe(GatewayException failure) {
    StringBuilder text =
        new StringBuilder(failure.getStatus().getCode().name())
            .append(": ")
            .append(failure.getStatus().getDescription());
    for (ErrorDetail detail : failure.getDetails()) {
      text.append('\n')
          .append(detail.getMspId())
          .append(" (")
          .append(detail.getAddress())
          .append("): ")
          .append(detail.getMessage());
    }
    return text.toString();
  }

  /** The contract's error code, if the failure carries one. */
  public static Optional<String> contractCode(GatewayException failure) {
    Matcher matcher = CONTRACT_CODE.matcher(describe(failure));
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
