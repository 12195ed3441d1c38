package io.tradeledger.contract;

/**
 * How much of one order line a shipment moves: the 1-based line number of the order and the
 * quantity, in that line's unit.
 */
public record ShipmentLine(int line, long quantity) {
  public ShipmentLine {
    Checks.range("lines.line", line, 1, OrderProposal.MAX_LINES);
    Checks.positive("lines.quantity", quantity);
  }
}
