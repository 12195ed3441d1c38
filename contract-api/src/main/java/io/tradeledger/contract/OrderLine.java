package io.tradeledger.contract;

/**
 * One line of an order as the shared ledger shows it: HS code, description, quantity and UN/ECE Rec
 * 20 unit. Prices are confidential terms and never appear here.
 */
public record OrderLine(String hsCode, String description, long quantity, String unit) {
  public OrderLine {
    Checks.hsCode("hsCode", hsCode);
    Checks.text("description", description, Checks.MAX_TEXT);
    Checks.positive("quantity", quantity);
    Checks.unit("unit", unit);
  }
}
