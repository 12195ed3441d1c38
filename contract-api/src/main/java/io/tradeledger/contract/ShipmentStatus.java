package io.tradeledger.contract;

/** A shipment's transport status, in the order it normally advances. */
public enum ShipmentStatus {
  BOOKED,
  CONFIRMED,
  IN_TRANSIT,
  ARRIVED,
  DELIVERED;

  public boolean atLeast(ShipmentStatus other) {
    return compareTo(other) >= 0;
  }
}
