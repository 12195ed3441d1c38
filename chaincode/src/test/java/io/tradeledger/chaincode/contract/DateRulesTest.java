package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertRejected;
import static io.tradeledger.chaincode.testing.TradeFixtures.booking;
import static io.tradeledger.chaincode.testing.TradeFixtures.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.chaincode.domain.Dates;
import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.TradeFixtures;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A requested delivery date or a planned departure in the past is refused (DATE_IN_PAST). The fake
 * ledger's transactions run from 2026-03-01T08:00:00Z on: 2026-02-28 is still today at UTC-12.
 */
class DateRulesTest {
  private final OrderContract orders = new OrderContract();
  private final ShipmentContract shipments = new ShipmentContract();
  private final FakeLedger ledger = Consortium.foundedLedger();

  @Test
  void a_date_is_past_once_it_is_over_everywhere_on_earth() {
    Instant now = Instant.parse("2026-03-01T08:00:00Z");
    // At 08:00 UTC it is 20:00 on 28 February at UTC-12.
    assertThat(Dates.notPast("d", LocalDate.parse("2026-02-28"), now))
        .isEqualTo(LocalDate.parse("2026-02-28"));
    assertThat(Dates.notPast("d", LocalDate.parse("2026-03-01"), now)).isNotNull();
    assertThatThrownBy(() -> Dates.notPast("d", LocalDate.parse("2026-02-27"), now))
        .hasMessage("DATE_IN_PAST: d 2026-02-27 is in the past: the transaction is at " + now);
    // From 12:00 UTC on, 28 February is over at UTC-12 too.
    assertThatThrownBy(
            () ->
                Dates.notPast(
                    "d", LocalDate.parse("2026-02-28"), Instant.parse("2026-03-01T12:00:00Z")))
        .hasMessageStartingWith("DATE_IN_PAST: ");
  }

  @Test
  void an_order_requesting_delivery_in_the_past_is_refused() {
    String past =
        proposal("o-1")
            .replace(
                "\"requestedDeliveryDate\":\"2026-06-30\"",
                "\"requestedDeliveryDate\":\"2026-02-27\"");
    assertRejected(
        ledger,
        "DATE_IN_PAST",
        () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, past)));

    String today = past.replace("2026-02-27", "2026-03-01");
    String accepted = ledger.submit(IMPORTER, context -> orders.proposeOrder(context, today));
    assertThat(accepted).contains("\"requestedDeliveryDate\":\"2026-03-01\"");
  }

  @Test
  void a_repeated_proposal_is_answered_even_after_its_delivery_date() {
    String soon =
        proposal("o-1")
            .replace(
                "\"requestedDeliveryDate\":\"2026-06-30\"",
                "\"requestedDeliveryDate\":\"2026-03-02\"");
    ledger.submit(IMPORTER, context -> orders.proposeOrder(context, soon));
    ledger.setClock(Instant.parse("2026-03-10T00:00:00Z"));

    String again = ledger.submit(IMPORTER, context -> orders.proposeOrder(context, soon));
    assertThat(again).contains("\"status\":\"PROPOSED\"");
    assertThat(ledger.lastTransaction().writes()).isEmpty();
  }

  @Test
  void a_booking_planned_to_depart_in_the_past_is_refused() {
    TradeFixtures.accept(ledger, "o-1");
    String past =
        booking("s-1", "o-1")
            .replace("\"plannedDeparture\":\"2026-04-01\"", "\"plannedDeparture\":\"2026-02-20\"");
    assertRejected(
        ledger,
        "DATE_IN_PAST",
        () -> ledger.submit(EXPORTER, context -> shipments.bookShipment(context, past)));

    String booked =
        ledger.submit(EXPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1")));
    assertThat(booked).contains("\"status\":\"BOOKED\"");
  }
}
