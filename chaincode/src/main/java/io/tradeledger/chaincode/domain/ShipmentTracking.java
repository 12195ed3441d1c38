package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.EmptyIndicator;
import io.tradeledger.contract.EventClassifier;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.ShipmentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A confirmed shipment's transport status from its events: the standing (non-retracted) ACTUAL
 * events decide. TRANSPORT DEPARTED makes it IN_TRANSIT, then TRANSPORT ARRIVED at the port of
 * discharge ARRIVED, then the delivery of every booked container DELIVERED. A container is
 * delivered when it is DROPPED_OFF (not EMPTY) at the order's destination, or GATED_OUT LADEN at
 * the port of discharge or the destination (merchant haulage: the consignee collects it). A
 * shipment without containers is delivered by such an event that names no container. Each time is
 * the recording transaction's time of the event that reached the stage (for delivery: the last
 * container's), so a retraction can move a shipment back; each stage also keeps the eventDateTime
 * the carrier reported for that event (for delivery: the latest container's).
 */
public final class ShipmentTracking {
  private ShipmentTracking() {}

  /**
   * What the events say; times are null for stages not reached. {@code departedAt}, {@code
   * arrivedAt} and {@code deliveredAt} are recording transaction times; the {@code *EventDateTime}
   * times are the DCSA eventDateTime the carrier reported for the same events, from which
   * milestones triggered by the stage fall due.
   */
  public record Progress(
      ShipmentStatus status,
      Instant departedAt,
      Instant arrivedAt,
      Instant deliveredAt,
      Instant departedEventDateTime,
      Instant arrivedEventDateTime,
      Instant deliveredEventDateTime) {
    /** Progress without event times (none reached, or not known). */
    public Progress(
        ShipmentStatus status, Instant departedAt, Instant arrivedAt, Instant deliveredAt) {
      this(status, departedAt, arrivedAt, deliveredAt, null, null, null);
    }
  }

  /**
   * @param events every event of the shipment, in the order recorded
   * @param shipment the shipment, for its port of discharge and containers
   * @param destination the order's destination
   */
  public static Progress of(List<ShipmentEvent> events, Shipment shipment, String destination) {
    List<ShipmentEvent> standing = standing(events);
    ShipmentEvent departed =
        first(standing, event -> event.actually(EventType.TRANSPORT, "DEPARTED"));
    ShipmentEvent arrived =
        departed == null ? null : first(standing, event -> arrives(event, shipment));
    List<ShipmentEvent> delivered =
        arrived == null ? null : delivered(standing, shipment, destination);
    ShipmentStatus status =
        delivered != null
            ? ShipmentStatus.DELIVERED
            : arrived != null
                ? ShipmentStatus.ARRIVED
                : departed != null ? ShipmentStatus.IN_TRANSIT : ShipmentStatus.CONFIRMED;
    return new Progress(
        status,
        recordedAt(departed),
        recordedAt(arrived),
        latest(delivered, ShipmentEvent::recordedAt),
        eventDateTime(departed),
        eventDateTime(arrived),
        latest(delivered, ShipmentEvent::eventDateTime));
  }

  /** The events no later event retracts, in the given order. */
  public static List<ShipmentEvent> standing(List<ShipmentEvent> events) {
    Set<String> retracted =
        events.stream()
            .map(ShipmentEvent::retractsEventId)
            .filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
    return events.stream().filter(event -> !retracted.contains(event.eventId())).toList();
  }

  /** Whether an event is an ACTUAL arrival at the shipment's port of discharge. */
  static boolean arrives(ShipmentEvent event, Shipment shipment) {
    return event.actually(EventType.TRANSPORT, "ARRIVED")
        && event.location().equals(shipment.portOfDischarge());
  }

  /**
   * Whether an event hands its container (or the uncontainerised cargo) over at the end of the
   * carriage: DROPPED_OFF, not EMPTY, at the destination; or GATED_OUT LADEN at the port of
   * discharge or the destination.
   */
  static boolean delivers(ShipmentEvent event, Shipment shipment, String destination) {
    if (event.eventClassifier() != EventClassifier.ACTUAL
        || event.eventType() != EventType.EQUIPMENT) {
      return false;
    }
    return switch (event.eventCode()) {
      case "DROPPED_OFF" ->
          event.location().equals(destination)
              && event.emptyIndicatorCode() != EmptyIndicator.EMPTY;
      case "GATED_OUT" ->
          event.emptyIndicatorCode() == EmptyIndicator.LADEN
              && (event.location().equals(shipment.portOfDischarge())
                  || event.location().equals(destination));
      default -> false;
    };
  }

  /**
   * The first delivering event of every booked container (or of the uncontainerised cargo), or null
   * while any is not delivered.
   */
  private static List<ShipmentEvent> delivered(
      List<ShipmentEvent> standing, Shipment shipment, String destination) {
    List<String> units =
        shipment.containers().isEmpty()
            ? Collections.singletonList(null)
            : new ArrayList<>(shipment.containers());
    List<ShipmentEvent> delivering = new ArrayList<>();
    for (String container : units) {
      ShipmentEvent event =
          first(
              standing,
              candidate ->
                  delivers(candidate, shipment, destination)
                      && Objects.equals(container, candidate.equipmentReference()));
      if (event == null) {
        return null;
      }
      delivering.add(event);
    }
    return delivering;
  }

  /**
   * The latest of the events' times: a shipment is delivered when its last container is, both as
   * recorded and as the carrier reported it.
   */
  private static Instant latest(List<ShipmentEvent> events, Function<ShipmentEvent, Instant> time) {
    return events == null
        ? null
        : events.stream()
            .map(time)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null);
  }

  private static Instant recordedAt(ShipmentEvent event) {
    return event == null ? null : event.recordedAt();
  }

  private static Instant eventDateTime(ShipmentEvent event) {
    return event == null ? null : event.eventDateTime();
  }

  private static ShipmentEvent first(List<ShipmentEvent> events, Predicate<ShipmentEvent> reaches) {
    return events.stream().filter(reaches).findFirst().orElse(null);
  }
}
