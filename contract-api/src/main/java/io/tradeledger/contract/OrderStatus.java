package io.tradeledger.contract;

/**
 * An order's status. PROPOSED, ACCEPTED, REJECTED, CANCELLED and COMPLETED are stored; IN_TRANSIT,
 * ARRIVED and DELIVERED are derived from the order's shipments when it is read, never stored.
 */
public enum OrderStatus {
  PROPOSED,
  ACCEPTED,
  REJECTED,
  CANCELLED,
  IN_TRANSIT,
  ARRIVED,
  DELIVERED,
  COMPLETED
}
