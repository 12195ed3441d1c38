package io.tradeledger.api.ledger;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an event stream resumes: after the event {@code transactionId} of block {@code
 * blockNumber}. Its text form {@code <block>-<txId>} is the server-sent event id, so a client's
 * Last-Event-ID header resumes exactly after the last event it saw, across server restarts.
 */
public record EventPosition(long blockNumber, String transactionId) {
  private static final Pattern TEXT = Pattern.compile("([0-9]{1,19})-([0-9a-f]{1,128})");

  public static EventPosition after(LedgerEvent event) {
    return new EventPosition(event.blockNumber(), event.transactionId());
  }

  /** Parses {@code <block>-<txId>}; empty for anything else, a block number beyond a long too. */
  public static Optional<EventPosition> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = TEXT.matcher(text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new EventPosition(Long.parseLong(matcher.group(1)), matcher.group(2)));
    } catch (NumberFormatException e) {
      return Optional.empty(); // 19 digits beyond the largest block number a ledger can have
    }
  }

  public String text() {
    return blockNumber + "-" + transactionId;
  }
}
