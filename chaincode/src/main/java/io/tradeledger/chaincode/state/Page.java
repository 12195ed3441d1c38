package io.tradeledger.chaincode.state;

import java.util.List;

/**
 * One page of a listing. {@code bookmark} continues the listing where this page ended; it is absent
 * when there is nothing more.
 */
public record Page<T>(List<T> records, String bookmark) {
  public Page {
    records = List.copyOf(records);
    bookmark = bookmark == null || bookmark.isEmpty() ? null : bookmark;
  }
}
