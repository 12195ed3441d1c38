package io.tradeledger.chaincode.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A confirmed shipment's transport status from its events: the non-retracted ACTUAL events decide.
 * TRANSPORT DEPARTED makes it IN_TRANSIT, then TRANSPORT ARRIVED ARRIVED, then EQUIPMENT
 * DROPPED_OFF (the goods handed to the consignee) DELIVERED. Each time is the recording
 * transaction's time of the first event that reached the stage, so a retraction can move a shipment
 * back.
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
   * @param portOfDischarge where the shipment's sea, air, road or rail leg ends
   */
  public static Progress of(List<ShipmentEvent> events, String portOfDischarge) {
    Set<String> retracted =
        events.stream()
            .map(ShipmentEvent::retractsEventId)
            .filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
    List<ShipmentEvent> standing =
        events.stream().filter(event -> !retracted.contains(event.eventId())).toList();
    ShipmentEvent departed = first(standing, EventType.TRANSPORT, "DEPARTED", null);
    ShipmentEvent arrived =
        departed == null ? null : first(standing, EventType.TRANSPORT, "ARRIVED", portOfDischarge);
    ShipmentEvent delivered =
        arrived == null ? null : first(standing, EventType.EQUIPMENT, "DROPPED_OFF", null);
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
        recordedAt(delivered),
        eventDateTime(departed),
        eventDateTime(arrived),
        eventDateTime(delivered));
  }

  private static Instant recordedAt(ShipmentEvent event) {
    return event == null ? null : event.recordedAt();
  }

  private static Instant eventDateTime(ShipmentEvent event) {
    return event == null ? null : event.eventDateTime();
  }

  private static ShipmentEvent first(
      List<ShipmentEvent> events, EventType type, String code, String location) {
    return events.stream()
        .filter(event -> event.actually(type, code))
        .filter(event -> location == null || location.equals(event.location()))
        .findFirst()
        .orElse(null);
  }
}
