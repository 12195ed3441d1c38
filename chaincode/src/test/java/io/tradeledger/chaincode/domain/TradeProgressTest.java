package io.tradeledger.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.contract.DeclarationStatus;
import io.tradeledger.contract.Incoterm;
import io.tradeledger.contract.MilestoneStatus;
import io.tradeledger.contract.MilestoneTerms;
import io.tradeledger.contract.MilestoneTrigger;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.OrderLine;
import io.tradeledger.contract.OrderStatus;
import io.tradeledger.contract.ShipmentLine;
import io.tradeledger.contract.ShipmentStatus;
import io.tradeledger.contract.TransportMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeProgressTest {
  private static final Actor BUYER = new Actor("ImporterMSP", "x509::buyer");
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Instant ACCEPTED = Instant.parse("2026-03-02T23:30:00Z");
  private static final List<MilestoneTerms> WHOLE =
      List.of(new MilestoneTerms("m", 10_000, MilestoneTrigger.DELIVERY, 10));

  private static Order order(OrderStatus status) {
    return order(status, List.of(new OrderLine("851712", "Phones", 100, "H87")), WHOLE);
  }

  private static Order order(
      OrderStatus status, List<OrderLine> lines, List<MilestoneTerms> milestones) {
    return new Order(
        "o-1",
        "ImporterMSP",
        "ExporterMSP",
        lines,
        Incoterm.FOB,
        "CNYTN",
        null,
        "CNSZX",
        "SEGOT",
        LocalDate.parse("2026-06-30"),
        new Money(1_000, "EUR"),
        "a".repeat(64),
        milestones,
        status,
        null,
        status == OrderStatus.PROPOSED ? null : ACCEPTED,
        Audit.created(BUYER, T0));
  }

  /** A shipment moving {@code quantity} of line 1. */
  private static Shipment shipment(
      String id,
      long quantity,
      ShipmentStatus status,
      Instant departed,
      Instant arrived,
      Instant delivered) {
    return shipment(
        id, List.of(new ShipmentLine(1, quantity)), status, departed, arrived, delivered);
  }

  private static Shipment shipment(
      String id, ShipmentStatus status, Instant departed, Instant arrived, Instant delivered) {
    return shipment(id, 100, status, departed, arrived, delivered);
  }

  /** A shipment of the whole order (100 of line 1) with the carrier's reported event times. */
  private static Shipment shipment(
      String id,
      ShipmentStatus status,
      Instant departed,
      Instant arrived,
      Instant delivered,
      Instant departedEvent,
      Instant arrivedEvent,
      Instant deliveredEvent) {
    return shipment(
        id,
        List.of(new ShipmentLine(1, 100)),
        status,
        departed,
        arrived,
        delivered,
        departedEvent,
        arrivedEvent,
        deliveredEvent);
  }

  private static Shipment shipment(
      String id,
      List<ShipmentLine> lines,
      ShipmentStatus status,
      Instant departed,
      Instant arrived,
      Instant delivered) {
    return shipment(id, lines, status, departed, arrived, delivered, null, null, null);
  }

  private static Shipment shipment(
      String id,
      List<ShipmentLine> lines,
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
        lines,
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
  void an_accepted_order_moves_only_once_its_shipments_cover_every_ordered_quantity() {
    Instant t1 = T0.plusSeconds(3_600);
    Shipment delivered = shipment("s-1", 60, ShipmentStatus.DELIVERED, t1, t1, t1);
    Shipment confirmed = shipment("s-2", 40, ShipmentStatus.CONFIRMED, null, null, null);
    Shipment moving = shipment("s-2", 40, ShipmentStatus.IN_TRANSIT, t1, null, null);
    Shipment arrived = shipment("s-2", 40, ShipmentStatus.ARRIVED, t1, t1, null);
    Shipment rest = shipment("s-2", 40, ShipmentStatus.DELIVERED, t1, t1, t1);

    assertThat(status(OrderStatus.ACCEPTED)).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(status(OrderStatus.ACCEPTED, confirmed)).isEqualTo(OrderStatus.ACCEPTED);
    // 60 of 100 delivered, 40 not yet sailing: the order has not shipped.
    assertThat(status(OrderStatus.ACCEPTED, delivered, confirmed)).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(status(OrderStatus.ACCEPTED, delivered)).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(status(OrderStatus.ACCEPTED, delivered, moving)).isEqualTo(OrderStatus.IN_TRANSIT);
    assertThat(status(OrderStatus.ACCEPTED, delivered, arrived)).isEqualTo(OrderStatus.ARRIVED);
    assertThat(status(OrderStatus.ACCEPTED, delivered, rest)).isEqualTo(OrderStatus.DELIVERED);
    assertThat(status(OrderStatus.ACCEPTED, shipment("s-1", ShipmentStatus.DELIVERED, t1, t1, t1)))
        .isEqualTo(OrderStatus.DELIVERED);
    assertThat(status(OrderStatus.COMPLETED, delivered, rest)).isEqualTo(OrderStatus.COMPLETED);
  }

  private static OrderStatus status(OrderStatus stored, Shipment... shipments) {
    return new TradeProgress(order(stored), List.of(shipments), Map.of()).orderStatus();
  }

  @Test
  void a_shipment_may_not_take_the_order_past_an_ordered_quantity() {
    Order order = order(OrderStatus.ACCEPTED);
    List<Shipment> booked = List.of(shipment("s-1", 60, ShipmentStatus.BOOKED, null, null, null));

    TradeProgress.requireWithinOrder(
        order, booked, shipment("s-2", 40, ShipmentStatus.BOOKED, null, null, null));
    assertThatThrownBy(
            () ->
                TradeProgress.requireWithinOrder(
                    order, booked, shipment("s-2", 41, ShipmentStatus.BOOKED, null, null, null)))
        .hasMessageStartingWith("SHIPMENT_QUANTITY_EXCEEDS_ORDER: order o-1 line 1: 100 ordered");
  }

  @Test
  void a_pro_rata_milestone_falls_due_in_the_share_its_shipments_moved() {
    List<OrderLine> lines =
        List.of(
            new OrderLine("851712", "Phones", 100, "H87"),
            new OrderLine("850760", "Batteries", 10, "KGM"));
    List<MilestoneTerms> terms =
        List.of(
            new MilestoneTerms("deposit", 3_000, MilestoneTrigger.ACCEPTANCE, 0),
            new MilestoneTerms("balance", 7_000, MilestoneTrigger.DELIVERY, 10, true));
    Order order = order(OrderStatus.ACCEPTED, lines, terms);
    Milestone balance = Milestone.of(order, order.audit()).get(1);
    Instant first = T0.plusSeconds(86_400);
    Instant second = T0.plusSeconds(5 * 86_400);
    // s-1 moves half the phones and all the batteries: (50% + 100%) / 2 of the balance.
    Shipment half =
        shipment(
            "s-1",
            List.of(new ShipmentLine(1, 50), new ShipmentLine(2, 10)),
            ShipmentStatus.DELIVERED,
            T0,
            T0,
            first);
    Shipment restMoving = shipment("s-2", 50, ShipmentStatus.IN_TRANSIT, T0, null, null);
    Shipment restDelivered = shipment("s-2", 50, ShipmentStatus.DELIVERED, T0, T0, second);

    TradeProgress partly = new TradeProgress(order, List.of(half, restMoving), Map.of());
    TradeProgress fully = new TradeProgress(order, List.of(half, restDelivered), Map.of());
    TradeProgress none = new TradeProgress(order, List.of(), Map.of());

    assertThat(balance.amount()).isEqualTo(new Money(700, "EUR"));
    assertThat(none.dueAmount(balance)).isEqualTo(new Money(0, "EUR"));
    assertThat(none.triggeredAt(balance)).isEmpty();
    assertThat(partly.dueAmount(balance)).isEqualTo(new Money(525, "EUR"));
    assertThat(partly.triggeredAt(balance)).contains(first);
    assertThat(partly.triggeredAt(MilestoneTrigger.DELIVERY)).isEmpty();
    assertThat(fully.dueAmount(balance)).isEqualTo(new Money(700, "EUR"));
    assertThat(fully.triggeredAt(MilestoneTrigger.DELIVERY)).contains(second);
  }

  @Test
  void split_shipments_fall_due_from_their_reported_event_dates_not_the_recording_days() {
    List<MilestoneTerms> terms =
        List.of(
            new MilestoneTerms("whole", 5_000, MilestoneTrigger.DELIVERY, 10),
            new MilestoneTerms("part", 5_000, MilestoneTrigger.DELIVERY, 10, true));
    Order order =
        order(OrderStatus.ACCEPTED, List.of(new OrderLine("851712", "Phones", 100, "H87")), terms);
    Milestone whole = Milestone.of(order, order.audit()).get(0);
    Milestone part = Milestone.of(order, order.audit()).get(1);
    Instant recorded = Instant.parse("2026-05-20T09:00:00Z");
    Instant firstDroppedOff = Instant.parse("2026-05-02T08:00:00Z");
    Instant secondDroppedOff = Instant.parse("2026-05-06T08:00:00Z");
    Shipment first =
        shipment(
            "s-1",
            List.of(new ShipmentLine(1, 60)),
            ShipmentStatus.DELIVERED,
            T0,
            T0,
            recorded,
            T0,
            T0,
            firstDroppedOff);
    Shipment secondMoving = shipment("s-2", 40, ShipmentStatus.IN_TRANSIT, T0, null, null);
    Shipment secondDelivered =
        shipment(
            "s-2",
            List.of(new ShipmentLine(1, 40)),
            ShipmentStatus.DELIVERED,
            T0,
            T0,
            recorded,
            T0,
            T0,
            secondDroppedOff);

    TradeProgress partly = new TradeProgress(order, List.of(first, secondMoving), Map.of());
    TradeProgress fully = new TradeProgress(order, List.of(first, secondDelivered), Map.of());

    // 60 of 100 delivered: the whole-order milestone waits; the pro rata one is due 10 days after
    // the first drop-off the carrier reported, though recorded on 20 May.
    assertThat(partly.dueDate(whole)).isEmpty();
    assertThat(partly.dueDate(part)).contains(LocalDate.parse("2026-05-12"));
    // All 100 delivered: the whole-order milestone counts from the last drop-off.
    assertThat(fully.dueDate(whole)).contains(LocalDate.parse("2026-05-16"));
    assertThat(fully.dueDate(part)).contains(LocalDate.parse("2026-05-12"));
    assertThat(fully.triggeredAt(MilestoneTrigger.DELIVERY)).contains(recorded);
  }

  @Test
  void a_whole_order_milestone_is_due_in_full_or_not_at_all() {
    Order order = order(OrderStatus.ACCEPTED);
    Milestone milestone = Milestone.of(order, order.audit()).get(0);
    Instant t1 = T0.plusSeconds(60);
    Shipment part = shipment("s-1", 60, ShipmentStatus.DELIVERED, t1, t1, t1);
    Shipment rest = shipment("s-2", 40, ShipmentStatus.DELIVERED, t1, t1, t1);

    assertThat(new TradeProgress(order, List.of(part), Map.of()).dueAmount(milestone))
        .isEqualTo(new Money(0, "EUR"));
    assertThat(new TradeProgress(order, List.of(part), Map.of()).triggeredAt(milestone)).isEmpty();
    assertThat(new TradeProgress(order, List.of(part, rest), Map.of()).dueAmount(milestone))
        .isEqualTo(new Money(1_000, "EUR"));
  }

  @Test
  void pro_rata_needs_a_shipment_trigger_and_false_is_stored_as_absent() {
    assertThat(new MilestoneTerms("m", 10_000, MilestoneTrigger.DELIVERY, 0, false))
        .isEqualTo(new MilestoneTerms("m", 10_000, MilestoneTrigger.DELIVERY, 0));
    assertThatThrownBy(() -> new MilestoneTerms("m", 10_000, MilestoneTrigger.ACCEPTANCE, 0, true))
        .hasMessageStartingWith("INVALID_INPUT: proRata");
  }

  @Test
  void shipment_triggers_need_the_shipments_to_cover_the_order_and_happen_at_the_latest() {
    Instant early = T0.plusSeconds(60);
    Instant late = T0.plusSeconds(7_200);
    TradeProgress one =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            List.of(
                shipment("s-1", 60, ShipmentStatus.IN_TRANSIT, early, null, null),
                shipment("s-2", 40, ShipmentStatus.CONFIRMED, null, null, null)),
            Map.of());
    TradeProgress both =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            List.of(
                shipment("s-1", 60, ShipmentStatus.IN_TRANSIT, early, null, null),
                shipment("s-2", 40, ShipmentStatus.IN_TRANSIT, late, null, null)),
            Map.of());
    TradeProgress onlyPart =
        new TradeProgress(
            order(OrderStatus.ACCEPTED),
            List.of(shipment("s-1", 60, ShipmentStatus.IN_TRANSIT, early, null, null)),
            Map.of());

    assertThat(one.triggeredAt(MilestoneTrigger.DEPARTURE)).isEmpty();
    assertThat(onlyPart.triggeredAt(MilestoneTrigger.DEPARTURE)).isEmpty();
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
    Milestone deposit = milestone(MilestoneTrigger.ACCEPTANCE, 30);

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
