package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Audit;
import io.tradeledger.chaincode.domain.Dates;
import io.tradeledger.chaincode.domain.EventRules;
import io.tradeledger.chaincode.domain.IncotermsRules;
import io.tradeledger.chaincode.domain.Order;
import io.tradeledger.chaincode.domain.Shipment;
import io.tradeledger.chaincode.domain.ShipmentEvent;
import io.tradeledger.chaincode.domain.ShipmentTracking;
import io.tradeledger.chaincode.domain.TradeProgress;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.OrderRepository;
import io.tradeledger.chaincode.state.ShipmentEventRepository;
import io.tradeledger.chaincode.state.ShipmentRepository;
import io.tradeledger.chaincode.state.TradeParties;
import io.tradeledger.contract.Booking;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.EventBatch;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.OrderStatus;
import io.tradeledger.contract.Role;
import io.tradeledger.contract.ShipmentStatus;
import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.contract.transactions.ContractNames;
import io.tradeledger.contract.transactions.TransactionNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Shipments and their DCSA Track & Trace events. The party contracting the main carriage books a
 * shipment on a carrier; from then on the shipment and its events are endorsed by the carrier
 * alone.
 */
@Contract(
    name = ContractNames.SHIPMENTS,
    info = @Info(title = "Trade Ledger shipments", version = "1.0"))
public final class ShipmentContract implements ContractInterface {

  /** An event as read, with whether a later event retracted it. */
  public record EventView(ShipmentEvent event, boolean retracted) {}

  /**
   * The party that contracts the main carriage under the order's Incoterms rule (the seller under
   * C- and D-rules or when the order says so, otherwise the buyer) books a shipment of an accepted
   * order on a carrier, with the quantity of each order line it moves. The shipper is always the
   * seller and the consignee the buyer.
   *
   * @param bookingJson {@code {shipmentId, orderId, carrierMsp, mode, transportDocumentNumber,
   *     containers, portOfLoading, portOfDischarge, plannedDeparture, plannedArrival, lines:
   *     [{line, quantity}]}}
   * @return the shipment as JSON (BOOKED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT (including the same port
   *     of loading and discharge, or a line the order does not have), ORDER_NOT_FOUND,
   *     ACCESS_DENIED (not the party contracting the carriage), ORDER_NOT_ACCEPTED,
   *     INCOTERM_MODE_NOT_ALLOWED, INCOTERM_PLACE_MISMATCH, PARTICIPANT_NOT_FOUND / ROLE_REQUIRED
   *     (carrier), SHIPMENT_CONFLICT, DATE_IN_PAST (plannedDeparture already over everywhere on
   *     Earth), SHIPMENT_QUANTITY_EXCEEDS_ORDER (the order's shipments would move more than
   *     ordered)
   */
  @Transaction(name = TransactionNames.BOOK_SHIPMENT, intent = Transaction.TYPE.SUBMIT)
  public String bookShipment(Context context, String bookingJson) {
    Tx tx = Tx.of(context);
    Booking booking = CanonicalJson.parse(bookingJson, Booking.class);
    Order order = Trades.readable(tx, booking.orderId());
    Access.requireCaller(
        tx,
        order.carriageContractorMsp(),
        "party contracting the main carriage under " + order.incoterm());
    ShipmentRepository shipments = new ShipmentRepository(tx.state());
    Optional<Shipment> existing = shipments.find(booking.shipmentId());
    if (existing.isPresent()) {
      if (existing.get().booking().equals(booking)) {
        return CanonicalJson.write(existing.get());
      }
      throw ErrorCode.SHIPMENT_CONFLICT.exception(
          "shipment %s exists with different content", booking.shipmentId());
    }
    if (order.status() != OrderStatus.ACCEPTED) {
      throw ErrorCode.ORDER_NOT_ACCEPTED.exception(
          "order %s is %s, not ACCEPTED", order.orderId(), order.status());
    }
    IncotermsRules.checkBooking(order, booking);
    Access.counterparty(tx, booking.carrierMsp(), Role.CARRIER);
    Dates.notPast("plannedDeparture", booking.plannedDeparture(), tx.now());
    Shipment shipment = Shipment.book(booking, order, Audit.created(tx.caller(), tx.now()));
    TradeProgress.requireWithinOrder(order, shipments.findByOrder(order.orderId()), shipment);
    shipments.save(shipment);
    tx.state().endorsedByAll(shipments.key(shipment.shipmentId()), List.of(shipment.carrierMsp()));
    new TradeParties(tx.state()).join(order.orderId(), shipment.carrierMsp());
    tx.emit(
        "ShipmentBooked", Map.of("shipmentId", shipment.shipmentId(), "orderId", order.orderId()));
    return CanonicalJson.write(shipment);
  }

  /**
   * The carrier confirms a booking.
   *
   * @return the shipment as JSON (CONFIRMED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, SHIPMENT_NOT_FOUND,
   *     ACCESS_DENIED (not the carrier), SHIPMENT_INVALID_TRANSITION
   */
  @Transaction(name = TransactionNames.CONFIRM_SHIPMENT, intent = Transaction.TYPE.SUBMIT)
  public String confirmShipment(Context context, String shipmentId) {
    Tx tx = Tx.of(context);
    Checks.id("shipmentId", shipmentId);
    Shipment shipment = Trades.readableShipment(tx, shipmentId);
    Access.requireCaller(tx, shipment.carrierMsp(), "carrier");
    Shipment confirmed = shipment.confirmed(tx.caller(), tx.now());
    new ShipmentRepository(tx.state()).save(confirmed);
    tx.emit("ShipmentConfirmed", Map.of("shipmentId", shipmentId, "orderId", shipment.orderId()));
    return CanonicalJson.write(confirmed);
  }

  /**
   * The carrier records one event of a confirmed shipment; the shipment's status follows.
   *
   * @param eventJson {@code {eventId, shipmentId, eventType, eventCode, eventClassifier, location,
   *     eventDateTime, equipmentReference?, emptyIndicatorCode?, retractsEventId?, remarks?}}
   * @return the stored event as JSON
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT (also an EQUIPMENT event
   *     naming none or another of the shipment's containers), SHIPMENT_NOT_FOUND, ACCESS_DENIED
   *     (not the carrier), SHIPMENT_INVALID_TRANSITION (not confirmed), EVENT_CONFLICT,
   *     EVENT_IN_FUTURE, EVENT_LOCATION_INVALID (first departure not at the port of loading),
   *     EVENT_OUT_OF_SEQUENCE (arrival before departure, delivery before arrival); for a retraction
   *     EVENT_NOT_FOUND, EVENT_ALREADY_RETRACTED, EVENT_RETRACTION_MISMATCH, EVENT_NOT_RETRACTABLE
   *     (it would move back a shipment of a COMPLETED order)
   */
  @Transaction(name = TransactionNames.RECORD_SHIPMENT_EVENT, intent = Transaction.TYPE.SUBMIT)
  public String recordShipmentEvent(Context context, String eventJson) {
    Tx tx = Tx.of(context);
    EventReport report = CanonicalJson.parse(eventJson, EventReport.class);
    List<ShipmentEvent> recorded = record(tx, report.shipmentId(), List.of(report));
    if (recorded.isEmpty()) {
      return CanonicalJson.write(
          new ShipmentEventRepository(tx.state())
              .find(report.shipmentId(), report.eventId())
              .orElseThrow());
    }
    tx.emit(
        "ShipmentEventRecorded",
        Map.of("shipmentId", report.shipmentId(), "eventId", report.eventId()));
    return CanonicalJson.write(recorded.get(0));
  }

  /**
   * The carrier records 1 to 500 events of one shipment in a single transaction, in the given
   * order; a retraction may name an event earlier in the batch. Events already recorded with the
   * same content are skipped.
   *
   * @param batchJson {@code {shipmentId, events: [event, ...]}}
   * @return JSON array of the newly stored events
   * @throws org.hyperledger.fabric.shim.ChaincodeException as RecordShipmentEvent
   */
  @Transaction(name = TransactionNames.RECORD_SHIPMENT_EVENTS, intent = Transaction.TYPE.SUBMIT)
  public String recordShipmentEvents(Context context, String batchJson) {
    Tx tx = Tx.of(context);
    EventBatch batch = CanonicalJson.parse(batchJson, EventBatch.class);
    List<ShipmentEvent> recorded = record(tx, batch.shipmentId(), batch.events());
    if (!recorded.isEmpty()) {
      tx.emit(
          "ShipmentEventsRecorded",
          Map.of("shipmentId", batch.shipmentId(), "eventCount", String.valueOf(recorded.size())));
    }
    return CanonicalJson.write(recorded);
  }

  /**
   * One shipment.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, SHIPMENT_NOT_FOUND
   *     (absent or not readable by the caller)
   */
  @Transaction(name = TransactionNames.GET_SHIPMENT, intent = Transaction.TYPE.EVALUATE)
  public String getShipment(Context context, String shipmentId) {
    Tx tx = Tx.of(context);
    Checks.id("shipmentId", shipmentId);
    return CanonicalJson.write(Trades.readableShipment(tx, shipmentId));
  }

  /**
   * A shipment's events by event time (then id), each with whether it was retracted.
   *
   * @return JSON array of {@code {event, retracted}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, SHIPMENT_NOT_FOUND
   */
  @Transaction(name = TransactionNames.LIST_SHIPMENT_EVENTS, intent = Transaction.TYPE.EVALUATE)
  public String listShipmentEvents(Context context, String shipmentId) {
    Tx tx = Tx.of(context);
    Checks.id("shipmentId", shipmentId);
    Trades.readableShipment(tx, shipmentId);
    List<ShipmentEvent> events = new ShipmentEventRepository(tx.state()).findByShipment(shipmentId);
    Set<String> retracted =
        events.stream()
            .map(ShipmentEvent::retractsEventId)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
    return CanonicalJson.write(
        events.stream()
            .sorted(
                Comparator.comparing(ShipmentEvent::eventDateTime)
                    .thenComparing(ShipmentEvent::eventId))
            .map(event -> new EventView(event, retracted.contains(event.eventId())))
            .toList());
  }

  /**
   * A page of the shipments the caller ships, receives or carries, by shipment id.
   *
   * @param pageSize 1 to 100
   * @param bookmark empty for the first page
   * @return {@code {records: [shipments], bookmark?}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT
   */
  @Transaction(name = TransactionNames.LIST_SHIPMENTS, intent = Transaction.TYPE.EVALUATE)
  public String listShipments(Context context, String pageSize, String bookmark) {
    Tx tx = Tx.of(context);
    int size = Checks.pageSize(pageSize, 100);
    return CanonicalJson.write(
        new ShipmentRepository(tx.state()).pageOf(tx.callerMsp(), size, bookmark));
  }

  /** Appends the new events and updates the shipment; returns the events written. */
  private static List<ShipmentEvent> record(Tx tx, String shipmentId, List<EventReport> reports) {
    Shipment shipment = Trades.readableShipment(tx, shipmentId);
    Access.requireCaller(tx, shipment.carrierMsp(), "carrier");
    if (!shipment.status().atLeast(ShipmentStatus.CONFIRMED)) {
      throw ErrorCode.SHIPMENT_INVALID_TRANSITION.exception(
          "shipment %s is %s: events need a CONFIRMED shipment", shipmentId, shipment.status());
    }
    Order order = new OrderRepository(tx.state()).find(shipment.orderId()).orElseThrow();
    ShipmentEventRepository repository = new ShipmentEventRepository(tx.state());
    // Fabric reads do not see this transaction's own writes: keep the batch in memory.
    Map<String, ShipmentEvent> all = new LinkedHashMap<>();
    repository.findByShipment(shipmentId).forEach(event -> all.put(event.eventId(), event));
    List<ShipmentEvent> added = new ArrayList<>();
    for (EventReport report : reports) {
      ShipmentEvent existing = all.get(report.eventId());
      if (existing != null) {
        if (existing.report().equals(report)) {
          continue;
        }
        throw ErrorCode.EVENT_CONFLICT.exception(
            "event %s exists with different content", report.eventId());
      }
      ShipmentEvent event =
          ShipmentEvent.recorded(report, shipment.orderId(), Audit.created(tx.caller(), tx.now()));
      List<ShipmentEvent> before = List.copyOf(all.values());
      EventRules.check(before, event, shipment, order.destination(), tx.now());
      all.put(event.eventId(), event);
      if (order.status() == OrderStatus.COMPLETED && event.retractsEventId() != null) {
        requireStatusKept(shipment, order, before, List.copyOf(all.values()), event);
      }
      added.add(event);
    }
    if (added.isEmpty()) {
      return List.of();
    }
    for (ShipmentEvent event : added) {
      repository.save(event);
      tx.state()
          .endorsedByAll(
              repository.key(shipmentId, event.eventId()), List.of(shipment.carrierMsp()));
    }
    ShipmentTracking.Progress progress =
        ShipmentTracking.of(List.copyOf(all.values()), shipment, order.destination());
    new ShipmentRepository(tx.state()).save(shipment.tracked(progress, tx.caller(), tx.now()));
    return List.copyOf(added);
  }

  /**
   * A COMPLETED order was paid and closed on the strength of its shipments' status; the carrier
   * alone cannot take that ground away. A retraction that would move such a shipment back is
   * refused (the correction belongs in a claim or a dispute); one that keeps its status (a
   * corrected time or remark) is recorded.
   */
  private static void requireStatusKept(
      Shipment shipment,
      Order order,
      List<ShipmentEvent> before,
      List<ShipmentEvent> after,
      ShipmentEvent retraction) {
    ShipmentStatus was = ShipmentTracking.of(before, shipment, order.destination()).status();
    ShipmentStatus would = ShipmentTracking.of(after, shipment, order.destination()).status();
    if (would != was) {
      throw ErrorCode.EVENT_NOT_RETRACTABLE.exception(
          "order %s is COMPLETED: event %s would move shipment %s from %s back to %s",
          order.orderId(), retraction.retractsEventId(), shipment.shipmentId(), was, would);
    }
  }
}
