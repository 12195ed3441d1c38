package io.tradeledger.contract;

/**
 * A page of a listing: its size (1 to 100, as text: the chaincode checks it) and the bookmark the
 * previous page returned, empty for the first.
 */
public record PageRequest(String pageSize, String bookmark) {
  public PageRequest {
    bookmark = bookmark == null ? "" : bookmark;
  }
}
