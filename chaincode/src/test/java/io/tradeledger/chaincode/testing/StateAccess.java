package io.tradeledger.chaincode.testing;

/**
 * What one transaction asked of the ledger: each of these is a round trip between the chaincode and
 * its peer on a real network (a range scan's entries arrive in batches, a value per entry).
 *
 * @param stateReads world state values read by key ({@code GetState})
 * @param rangeScans range and partial composite key queries
 * @param scannedEntries entries those queries returned
 * @param stateWrites world state values written or deleted
 * @param policyReads key-level endorsement policies read
 * @param policyWrites key-level endorsement policies set
 * @param privateReads private values or their hashes read
 * @param privateWrites private values written
 * @param historyReads key histories read
 */
public record StateAccess(
    int stateReads,
    int rangeScans,
    int scannedEntries,
    int stateWrites,
    int policyReads,
    int policyWrites,
    int privateReads,
    int privateWrites,
    int historyReads) {

  /** The columns of {@link #row()}. */
  public static final String HEADER =
      "gets | scans (entries) | puts | policies r/w | private r/w | history";

  /** One row of a table, in the columns of {@link #HEADER}. */
  public String row() {
    return "%d | %d (%d) | %d | %d/%d | %d/%d | %d"
        .formatted(
            stateReads,
            rangeScans,
            scannedEntries,
            stateWrites,
            policyReads,
            policyWrites,
            privateReads,
            privateWrites,
            historyReads);
  }
}
