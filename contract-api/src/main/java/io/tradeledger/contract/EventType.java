package io.tradeledger.contract;

import java.util.List;

/** DCSA Track & Trace v3 event types, each with the event codes it allows. */
public enum EventType {
  TRANSPORT(List.of("DEPARTED", "ARRIVED")),
  EQUIPMENT(
      List.of(
          "LOADED",
          "DISCHARGED",
          "GATED_IN",
          "GATED_OUT",
          "STUFFED",
          "STRIPPED",
          "PICKED_UP",
          "DROPPED_OFF",
          "INSPECTED",
          "CUSTOMS_SELECTED_FOR_SCAN",
          "CUSTOMS_SELECTED_FOR_INSPECTION",
          "CUSTOMS_RELEASED")),
  SHIPMENT(List.of("RECEIVED", "CONFIRMED", "ISSUED", "SURRENDERED_FOR_DELIVERY"));

  private final List<String> codes;

  EventType(List<String> codes) {
    this.codes = codes;
  }

  public List<String> codes() {
    return codes;
  }
}
