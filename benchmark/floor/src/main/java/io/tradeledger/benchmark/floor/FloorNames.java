package io.tradeledger.benchmark.floor;

/**
 * The floor contract's names, once: its annotations and the benchmark's calls both use these. It is
 * not one of contract-api's {@code Transactions}, since it is no part of the product.
 */
public final class FloorNames {
  /** The chaincode's name on channel {@code trade} (network/lib/common.sh). */
  public static final String CHAINCODE = "floor";

  public static final String CONTRACT = "floor";
  public static final String READ = "Read";
  public static final String WRITE = "Write";

  private FloorNames() {}

  /** {@code contract:Name}, as Fabric calls a transaction. */
  public static String qualified(String transaction) {
    return CONTRACT + ":" + transaction;
  }
}
