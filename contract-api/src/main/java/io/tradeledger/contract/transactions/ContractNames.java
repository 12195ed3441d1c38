package io.tradeledger.contract.transactions;

/**
 * The contracts' names, compile-time constants for the chaincode's {@code @Contract} annotations.
 */
public final class ContractNames {
  public static final String LEDGER = "ledger";
  public static final String PARTICIPANTS = "participants";
  public static final String ORDERS = "orders";
  public static final String PAYMENTS = "payments";
  public static final String SHIPMENTS = "shipments";
  public static final String CUSTOMS = "customs";
  public static final String INSURANCE = "insurance";
  public static final String DOCUMENTS = "documents";

  private ContractNames() {}
}
