package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Checks;
import io.tradeledger.contract.EventClassifier;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.errors.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a carrier's event must respect to be recorded: its container, its retraction, its time and
 * its place. Only ACTUAL events are facts: estimates and plans are checked for their container and
 * retraction only.
 */
public final class EventRules {
  /**
   * How far an ACTUAL event may be dated after the transaction time: the clock skew Fabric itself
   * tolerates between a client's transaction timestamp and the orderer (15 minutes).
   */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(15);

  private EventRules() {}

  /**
   * Refuses {@code added} unless it may follow {@code recorded}.
   *
   * @param recorded the shipment's events so far, in the order recorded
   * @param added the new event
   * @param shipment the shipment, for its ports and containers
   * @param destination the order's destination
   * @param now the transaction time
   */
  public static void check(
      List<ShipmentEvent> recorded,
      ShipmentEvent added,
      Shipment shipment,
      String destination,
      Instant now) {
    checkEquipment(shipment, added);
    checkRetraction(recorded, added);
    if (added.eventClassifier() == EventClassifier.ACTUAL
        && added.eventDateTime().isAfter(now.plus(CLOCK_TOLERANCE))) {
      throw ErrorCode.EVENT_IN_FUTURE.exception(
          "event %s is an ACTUAL event dated %s, after the transaction time %s (tolerance %s)",
          added.eventId(), added.eventDateTime(), now, CLOCK_TOLERANCE);
    }
    List<ShipmentEvent> after = new ArrayList<>(recorded);
    after.add(added);
    checkSequence(ShipmentTracking.standing(after), shipment, destination, added.eventId());
  }

  private static void checkEquipment(Shipment shipment, ShipmentEvent event) {
    String container = event.equipmentReference();
    if (container != null && !shipment.containers().contains(container)) {
      throw Checks.invalid(
          "equipmentReference",
          "names container " + container + ", which is not on shipment " + shipment.shipmentId());
    }
    if (event.eventType() == EventType.EQUIPMENT
        && container == null
        && !shipment.containers().isEmpty()) {
      throw Checks.invalid(
          "equipmentReference",
          "is required: an EQUIPMENT event names one of the containers of shipment "
              + shipment.shipmentId());
    }
  }

  private static void checkRetraction(List<ShipmentEvent> recorded, ShipmentEvent event) {
    String target = event.retractsEventId();
    if (target == null) {
      return;
    }
    ShipmentEvent retracted =
        recorded.stream()
            .filter(candidate -> candidate.eventId().equals(target))
            .findFirst()
            .orElseThrow(
                () ->
                    ErrorCode.EVENT_NOT_FOUND.exception(
                        "shipment %s has no event %s to retract", event.shipmentId(), target));
    if (recorded.stream().anyMatch(candidate -> target.equals(candidate.retractsEventId()))) {
      throw ErrorCode.EVENT_ALREADY_RETRACTED.exception("event %s is already retracted", target);
    }
    if (retracted.eventType() != event.eventType()
        || !retracted.eventCode().equals(event.eventCode())
        || !Objects.equals(retracted.equipmentReference(), event.equipmentReference())) {
      throw ErrorCode.EVENT_RETRACTION_MISMATCH.exception(
          "event %s (%s %s, container %s) can only be corrected by an event of the same type, code"
              + " and container, not %s %s, container %s",
          target,
          retracted.eventType(),
          retracted.eventCode(),
          retracted.equipmentReference(),
          event.eventType(),
          event.eventCode(),
          event.equipmentReference());
    }
  }

  /**
   * The standing ACTUAL events make sense in time and place: the first departure (by event time) is
   * at the port of loading; no arrival is dated before it; no delivery is dated before the first
   * arrival at the port of discharge. So departure, arrival and delivery never run backwards.
   */
  private static void checkSequence(
      List<ShipmentEvent> standing, Shipment shipment, String destination, String eventId) {
    ShipmentEvent departure = null;
    Instant arrival = null;
    for (ShipmentEvent event : standing) {
      if (event.actually(EventType.TRANSPORT, "DEPARTED")
          && (departure == null || event.eventDateTime().isBefore(departure.eventDateTime()))) {
        departure = event;
      }
      if (ShipmentTracking.arrives(event, shipment)
          && (arrival == null || event.eventDateTime().isBefore(arrival))) {
        arrival = event.eventDateTime();
      }
    }
    if (departure != null && !departure.location().equals(shipment.portOfLoading())) {
      throw ErrorCode.EVENT_LOCATION_INVALID.exception(
          "event %s: the first departure of shipment %s would be from %s, not from its port of"
              + " loading %s",
          eventId, shipment.shipmentId(), departure.location(), shipment.portOfLoading());
    }
    for (ShipmentEvent event : standing) {
      if (event.actually(EventType.TRANSPORT, "ARRIVED")
          && (departure == null || event.eventDateTime().isBefore(departure.eventDateTime()))) {
        throw ErrorCode.EVENT_OUT_OF_SEQUENCE.exception(
            "event %s: shipment %s would arrive at %s on %s, before it departed (%s)",
            eventId,
            shipment.shipmentId(),
            event.location(),
            event.eventDateTime(),
            departure == null ? "no departure" : departure.eventDateTime());
      }
      if (ShipmentTracking.delivers(event, shipment, destination)
          && (arrival == null || event.eventDateTime().isBefore(arrival))) {
        throw ErrorCode.EVENT_OUT_OF_SEQUENCE.exception(
            "event %s: shipment %s would be delivered on %s, before it arrived at its port of"
                + " discharge %s (%s)",
            eventId,
            shipment.shipmentId(),
            event.eventDateTime(),
            shipment.portOfDischarge(),
            arrival == null ? "no arrival" : arrival);
      }
    }
  }
}
