package io.tradeledger.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeProgressTest {
  private static final Actor BUYER = new Actor("ImporterMSP", "x509::buyer");
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Instant ACCEPTED = Instant.parse("2026-03-02T23:30:00Z");

  private static Order order(OrderStatus status) {
    return new Order(
        "o-1",
        "ImporterMSP",
        "ExporterMSP",
        List.of(new OrderLine("851712", "Phones", 1, "H87")),
        Incoterm.FOB,
        "CNYTN",
        null,
        "CNSZX",
        "SEGOT",
        LocalDate.parse("2026-06-30"),
        new Money(1_000, "EUR"),
        "a".repeat(64),
        List.of(new MilestoneTerms("m", 10_000, MilestoneTrigger.DELIVERY, 10)),
        status,
        null,
        status == OrderStatus.PROPOSED ? null : ACCEPTED,
        Audit.created(BUYER, T0));
  }

  private static Shipment shipment(
      String id, ShipmentStatus status, Instant departed, Instant arrived, Instant delivered) {
    return shipment(id, status, departed, arrived, delivered, null, null, null);
  }

  private static Shipment shipment(
      String id,
      ShipmentStatus status,
      Instant departed,
      Instant arrived,
      Instant delivered,
      Instant departedEvent,
      Instant arrivedEvent,
      Instant deliveredEvent) {
    return new Shipment(
        id,
        "o-1",
        "ExporterMSP",
        "ImporterMSP",
        "CarrierMSP",
        TransportMode.SEA,
        "BL1",
        List.of(),
        "CNYTN",
        "SEGOT",
        LocalDate.parse("2026-04-01"),
        LocalDate.parse("2026-05-01"),
        status,
        departed,
        arrived,
        delivered,
        Audit.created(BUYER, T0),
        departedEvent,
        arrivedEvent,
        deliveredEvent);
  }

  private static CustomsDeclaration declaration(
      String id, String shipmentId, DeclarationStatus status, Instant decided) {
    return new CustomsDeclaration(
        id,
        shipmentId,
        "o-1",
        "ImporterMSP",
        null,
        "CustomsMSP",
        new Money(1_000, "EUR"),
        List.of("851712"),
        status,
        null,
        null,
        decided,
        Audit.created(BUYER, T0));
  }

  @Test
  void an_accepted_order_is_in_transit_once_any_shipment_departed_and_delivered_once_all_are() {
    Instant t1 = T0.plusSeconds(3_600);
    Shipment delivered = shipment("s-1", ShipmentStatus.DELIVERED, t1, t1, t1);
    Shipment confirmed = shipment("s-2", ShipmentStatus.CONFIRMED, null, null, null);
    Shipment moving = shipment("s-2", ShipmentStatus.IN_TRANSIT, t1, null, null);

    assertThat(new TradeProgress(order(OrderStatus.ACCEPTED), List.of(), Map.of()).orderStatus())
        .isEqualTo(OrderStatus.ACCEPTED);
    assertThat(
            new TradeProgress(order(OrderStatus.ACCEPTED), List.of(confirmed), Map.of())
                .orderStatus())
        .isEqualTo(OrderStatus.ACCEPTED);
    assertThat(
            new TradeProgress(order(OrderStatus.ACCEPTED), List.of(delivered, confirmed), Map.of())
                .orderStatus())
        .isEqualTo(OrderStatus.IN_TRANSIT);
    assertThat(
            new TradeProgress(order(OrderStatus.ACCEPTED), List.of(delivered, moving), Map.of())
                .orderStatus())
        .isEqualTo(OrderStatus.IN_TRANSIT);
    assertThat(
            new TradeProgress(order(OrderStatus.ACCEPTED), List.of(delivered), Map.of())
                .orderStatus())
        .isEqualTo(OrderStatus.DELIVERED);
    assertThat(
            new TradeProgress(order(OrderStatus.COMPLETED), List.of(delivered), Map.of())
                .orderStatus())
        .isEqualTo(OrderStatus.COMPLETED);
  }

  @Test
  void shipment_triggers_need_every_shipment_and_happen_at_the_latest() {
    Instant early = T0.plusSeconds(60);
    Instant late = T0.plusSeconds(7_200);
    TradeProgress one =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            List.of(
                shipment("s-1", ShipmentStatus.IN_TRANSIT, early, null, null),
                shipment("s-2", ShipmentStatus.CONFIRMED, null, null, null)),
            Map.of());
    TradeProgress both =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            List.of(
                shipment("s-1", ShipmentStatus.IN_TRANSIT, early, null, null),
                shipment("s-2", ShipmentStatus.IN_TRANSIT, late, null, null)),
            Map.of());

    assertThat(one.triggeredAt(MilestoneTrigger.DEPARTURE)).isEmpty();
    assertThat(both.triggeredAt(MilestoneTrigger.DEPARTURE)).contains(late);
    assertThat(both.triggeredAt(MilestoneTrigger.ARRIVAL)).isEmpty();
    assertThat(both.triggeredAt(MilestoneTrigger.ACCEPTANCE)).contains(ACCEPTED);
    assertThat(
            new TradeProgress(order(OrderStatus.ACCEPTED), List.of(), Map.of())
                .triggeredAt(MilestoneTrigger.DELIVERY))
        .isEmpty();
  }

  @Test
  void customs_release_needs_a_released_declaration_for_every_shipment() {
    Instant released = T0.plusSeconds(86_400);
    List<Shipment> shipments = List.of(shipment("s-1", ShipmentStatus.ARRIVED, T0, T0, null));
    TradeProgress rejected =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            shipments,
            Map.of("s-1", List.of(declaration("d-1", "s-1", DeclarationStatus.REJECTED, T0))));
    TradeProgress cleared =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            shipments,
            Map.of(
                "s-1",
                List.of(
                    declaration("d-1", "s-1", DeclarationStatus.REJECTED, T0),
                    declaration("d-2", "s-1", DeclarationStatus.RELEASED, released))));

    assertThat(rejected.triggeredAt(MilestoneTrigger.CUSTOMS_RELEASE)).isEmpty();
    assertThat(cleared.triggeredAt(MilestoneTrigger.CUSTOMS_RELEASE)).contains(released);
  }

  @Test
  void a_milestone_is_due_its_days_after_the_trigger_date_in_utc() {
    TradeProgress progress = new TradeProgress(order(OrderStatus.ACCEPTED), List.of(), Map.of());
    Milestone deposit =
        new Milestone(
            "o-1",
            "m",
            "ImporterMSP",
            "ExporterMSP",
            new Money(1, "EUR"),
            MilestoneTrigger.ACCEPTANCE,
            30,
            MilestoneStatus.PENDING,
            null,
            null,
            null,
            Audit.created(BUYER, T0));

    assertThat(progress.dueDate(deposit)).contains(LocalDate.parse("2026-04-01"));
  }

  @Test
  void a_shipment_milestone_is_due_its_days_after_the_event_date_not_the_recording_day() {
    Instant recorded = Instant.parse("2026-05-20T09:00:00Z");
    Instant droppedOff = Instant.parse("2026-05-12T23:30:00Z");
    Instant otherDroppedOff = Instant.parse("2026-05-14T01:00:00Z");
    Milestone balance = milestone(MilestoneTrigger.DELIVERY, 10);
    TradeProgress late =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            List.of(
                shipment("s-1", ShipmentStatus.DELIVERED, T0, T0, recorded, T0, T0, droppedOff)),
            Map.of());
    TradeProgress two =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            List.of(
                shipment("s-1", ShipmentStatus.DELIVERED, T0, T0, recorded, T0, T0, droppedOff),
                shipment("s-2", ShipmentStatus.DELIVERED, T0, T0, T0, T0, T0, otherDroppedOff)),
            Map.of());
    TradeProgress legacy =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            List.of(shipment("s-1", ShipmentStatus.DELIVERED, T0, T0, recorded)),
            Map.of());

    // Recorded a week late, the delivery still counts from the day the goods were dropped off.
    assertThat(late.triggeredAt(MilestoneTrigger.DELIVERY)).contains(recorded);
    assertThat(late.dueDate(balance)).contains(LocalDate.parse("2026-05-22"));
    assertThat(two.dueDate(balance)).contains(LocalDate.parse("2026-05-24"));
    assertThat(legacy.dueDate(balance)).contains(LocalDate.parse("2026-05-30"));
    assertThat(late.dueDate(milestone(MilestoneTrigger.DEPARTURE, 0)))
        .contains(LocalDate.parse("2026-03-01"));
  }

  private static Milestone milestone(MilestoneTrigger trigger, int daysDue) {
    return new Milestone(
        "o-1",
        "m",
        "ImporterMSP",
        "ExporterMSP",
        new Money(1, "EUR"),
        trigger,
        daysDue,
        MilestoneStatus.PENDING,
        null,
        null,
        null,
        Audit.created(BUYER, T0));
  }

  @Test
  void milestone_amounts_add_up_to_the_total_exactly() {
    Order order =
        new Order(
            "o-1",
            "ImporterMSP",
            "ExporterMSP",
            List.of(new OrderLine("851712", "P", 1, "H87")),
            Incoterm.FOB,
            "CNYTN",
            null,
            "CNSZX",
            "SEGOT",
            LocalDate.parse("2026-06-30"),
            new Money(1_000_001, "JPY"),
            "a".repeat(64),
            List.of(
                new MilestoneTerms("a", 3_333, MilestoneTrigger.ACCEPTANCE, 0),
                new MilestoneTerms("b", 3_333, MilestoneTrigger.DEPARTURE, 0),
                new MilestoneTerms("c", 3_334, MilestoneTrigger.DELIVERY, 0)),
            OrderStatus.PROPOSED,
            null,
            null,
            Audit.created(BUYER, T0));

    List<Milestone> milestones = Milestone.of(order, order.audit());

    assertThat(milestones)
        .extracting(m -> m.amount().amount())
        .containsExactly(333_300L, 333_300L, 333_401L);
    assertThat(milestones.stream().mapToLong(m -> m.amount().amount()).sum()).isEqualTo(1_000_001L);
  }
}
