package io.tradeledger.benchmark;

import java.util.Locale;

/** What one request does; the events workloads count the events each request carries. */
enum Workload {
  /** orders:GetOrder of an existing order; the floor: Read of one key of an order's size. */
  READ(1),
  /** documents:AnchorDocument of a new document; the floor: Write of one new key. */
  CREATE(1),
  /** shipments:RecordShipmentEvent, one event per transaction. */
  EVENT(1),
  /** shipments:RecordShipmentEvents, a batch of 100 events per transaction. */
  BATCH(100);

  private final int eventsPerRequest;

  Workload(int eventsPerRequest) {
    this.eventsPerRequest = eventsPerRequest;
  }

  int eventsPerRequest() {
    return eventsPerRequest;
  }

  /** Whether the floor contract has a counterpart of it. */
  boolean hasFloor() {
    return this == READ || this == CREATE;
  }

  /** Whether it writes: submitted, ordered and committed. */
  boolean submits() {
    return this != READ;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
