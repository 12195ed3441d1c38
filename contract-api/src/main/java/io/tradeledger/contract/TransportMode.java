package io.tradeledger.contract;

/** How a shipment travels. */
public enum TransportMode {
  SEA,
  AIR,
  ROAD,
  RAIL,
  INLAND_WATERWAY;

  /** Whether the sea and inland waterway rules (FAS, FOB, CFR, CIF) may be used. */
  public boolean isWaterborne() {
    return this == SEA || this == INLAND_WATERWAY;
  }
}
