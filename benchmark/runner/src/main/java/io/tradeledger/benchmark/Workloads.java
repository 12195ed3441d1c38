package io.tradeledger.benchmark;

import io.tradeledger.benchmark.floor.FloorNames;
import io.tradeledger.contract.DocumentAnchor;
import io.tradeledger.contract.DocumentType;
import io.tradeledger.contract.EventBatch;
import io.tradeledger.contract.EventClassifier;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.transactions.Submit;
import io.tradeledger.contract.transactions.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The requests of each workload on each route, each call one of contract-api's {@link Transactions}
 * with its input record (or the floor's {@link FloorNames}). The same Fabric users act on both
 * clients: the API's writer is User1 and its reader User2 of the organization.
 *
 * <ul>
 *   <li>read: the importer's reader reads an accepted order with one confirmed shipment;
 *   <li>create: the exporter anchors a new commercial invoice on an accepted order; the floor
 *       writes a value the size of the anchored document under a new key;
 *   <li>event, batch: the carrier records estimated arrivals on a shipment of the worker's own, so
 *       that workers never conflict on one shipment.
 * </ul>
 */
final class Workloads {
  /** One request of one worker; it throws when the request failed. */
  interface Request {
    void run(int worker) throws Exception;
  }

  static final String READER = "User2";
  static final String WRITER = "User1";

  private final GatewayClient gateway;
  private final ApiClient api;
  private final Fixtures fixtures;
  private final String readOrderId;
  private final String documentOrderId;
  private final String floorReadKey;
  private final String floorWriteValue;

  private Workloads(
      GatewayClient gateway,
      ApiClient api,
      Fixtures fixtures,
      String readOrderId,
      String documentOrderId,
      String floorReadKey,
      String floorWriteValue) {
    this.gateway = gateway;
    this.api = api;
    this.fixtures = fixtures;
    this.readOrderId = readOrderId;
    this.documentOrderId = documentOrderId;
    this.floorReadKey = floorReadKey;
    this.floorWriteValue = floorWriteValue;
  }

  /** What the read and create workloads need, on both contracts. */
  static Workloads prepare(GatewayClient gateway, ApiClient api, Fixtures fixtures)
      throws Exception {
    String readOrderId = fixtures.acceptedOrder(1);
    fixtures.confirmedShipment(readOrderId);
    String documentOrderId = fixtures.acceptedOrder(1);
    int orderSize =
        gateway.evaluate(Organization.IMPORTER, READER, Transactions.GET_ORDER, readOrderId).length;
    int documentSize =
        gateway.submit(
                Organization.EXPORTER,
                WRITER,
                Transactions.ANCHOR_DOCUMENT,
                anchor(fixtures, documentOrderId))
            .length;
    String floorReadKey = fixtures.newId("bench-floor-order");
    gateway.submitFloor(
        Organization.EXPORTER, WRITER, FloorNames.WRITE, floorReadKey, "o".repeat(orderSize));
    Workloads workloads =
        new Workloads(
            gateway,
            api,
            fixtures,
            readOrderId,
            documentOrderId,
            floorReadKey,
            "d".repeat(documentSize));
    // Written through the exporter's peer, read on the importer's: wait until it has the block.
    Request floorRead = workloads.read(Route.FLOOR);
    Fixtures.eventually(() -> floorRead.run(0));
    return workloads;
  }

  /** The request of {@code workload} on {@code route}; events go to {@code shipments[worker]}. */
  Request request(Workload workload, Route route, List<String> shipments) {
    return switch (workload) {
      case READ -> read(route);
      case CREATE -> create(route);
      case EVENT -> event(route, shipments);
      case BATCH -> batch(route, shipments);
    };
  }

  private Request read(Route route) {
    return switch (route) {
      case GATEWAY ->
          worker ->
              gateway.evaluate(Organization.IMPORTER, READER, Transactions.GET_ORDER, readOrderId);
      case FLOOR ->
          worker -> {
            byte[] value =
                gateway.evaluateFloor(Organization.IMPORTER, READER, FloorNames.READ, floorReadKey);
            if (value.length == 0) {
              throw new IllegalStateException("the floor has no value under " + floorReadKey);
            }
          };
      case API ->
          worker -> api.get(Organization.IMPORTER, Network.Role.READER, "/orders/" + readOrderId);
    };
  }

  private Request create(Route route) {
    return switch (route) {
      case GATEWAY ->
          worker ->
              gateway.submit(
                  Organization.EXPORTER,
                  WRITER,
                  Transactions.ANCHOR_DOCUMENT,
                  anchor(fixtures, documentOrderId));
      case FLOOR ->
          worker ->
              gateway.submitFloor(
                  Organization.EXPORTER,
                  WRITER,
                  FloorNames.WRITE,
                  fixtures.newId("bench-floor-document"),
                  floorWriteValue);
      case API ->
          worker ->
              api.post(
                  Organization.EXPORTER,
                  Network.Role.WRITER,
                  "/documents",
                  anchor(fixtures, documentOrderId));
    };
  }

  private Request event(Route route, List<String> shipments) {
    return carrierWrite(
        route,
        shipments,
        Transactions.RECORD_SHIPMENT_EVENT,
        "/events",
        Workloads::estimatedArrival);
  }

  private Request batch(Route route, List<String> shipments) {
    return carrierWrite(
        route, shipments, Transactions.RECORD_SHIPMENT_EVENTS, "/events/batch", Workloads::batchOf);
  }

  /**
   * The carrier's writer records {@code input} on the worker's own shipment: through the Gateway as
   * {@code transaction}, through the API at {@code /shipments/{id}{path}}.
   */
  private <I> Request carrierWrite(
      Route route,
      List<String> shipments,
      Submit<I> transaction,
      String path,
      Function<String, I> input) {
    return switch (route) {
      case GATEWAY ->
          worker -> {
            String shipmentId = shipments.get(worker);
            gateway.submit(Organization.CARRIER, WRITER, transaction, input.apply(shipmentId));
          };
      case API ->
          worker -> {
            String shipmentId = shipments.get(worker);
            api.post(
                Organization.CARRIER,
                Network.Role.WRITER,
                "/shipments/" + shipmentId + path,
                input.apply(shipmentId));
          };
      case FLOOR -> throw new IllegalArgumentException("the floor records no events");
    };
  }

  private static DocumentAnchor anchor(Fixtures fixtures, String orderId) {
    return new DocumentAnchor(
        fixtures.newId("bench-document"),
        DocumentType.COMMERCIAL_INVOICE,
        Fixtures.randomSha256(),
        orderId,
        null,
        null);
  }

  /** An estimated arrival at the port of discharge: estimates are never refused for their date. */
  private static EventReport estimatedArrival(String shipmentId) {
    return new EventReport(
        UUID.randomUUID().toString(),
        shipmentId,
        EventType.TRANSPORT,
        "ARRIVED",
        EventClassifier.ESTIMATED,
        Fixtures.PORT_OF_DISCHARGE,
        Instant.now().plus(Duration.ofDays(60)),
        null,
        null,
        null,
        null);
  }

  private static EventBatch batchOf(String shipmentId) {
    List<EventReport> events = new ArrayList<>(Workload.BATCH.eventsPerRequest());
    for (int i = 0; i < Workload.BATCH.eventsPerRequest(); i++) {
      events.add(estimatedArrival(shipmentId));
    }
    return new EventBatch(shipmentId, events);
  }
}
