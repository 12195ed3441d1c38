package io.tradeledger.chaincode.domain;

/** How a shipment travels. */
public enum TransportMode {
  SEA,
  AIR,
  ROAD,
  RAIL
}
