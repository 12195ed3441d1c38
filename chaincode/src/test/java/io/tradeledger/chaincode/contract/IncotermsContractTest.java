package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.CARRIER;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertRejected;
import static io.tradeledger.chaincode.testing.TradeFixtures.booking;
import static io.tradeledger.chaincode.testing.TradeFixtures.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.Identity;
import io.tradeledger.chaincode.testing.TradeFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incoterms 2020 on orders and bookings: the named place, sea-only rules, who books. */
class IncotermsContractTest {
  private final OrderContract orders = new OrderContract();
  private final ShipmentContract shipments = new ShipmentContract();
  private final FakeLedger ledger = Consortium.foundedLedger();

  private String book(Identity who, String booking) {
    return ledger.submit(who, context -> shipments.bookShipment(context, booking));
  }

  private void rejectedBooking(String code, Identity who, String booking) {
    assertRejected(ledger, code, () -> book(who, booking));
  }

  @Test
  void an_order_names_its_incoterms_place_as_a_un_locode() {
    String standard = TradeFixtures.proposal("o-1");
    for (String bad :
        List.of(
            standard.replace("\"incotermPlace\":\"SEGOT\",", ""),
            standard.replace("\"incotermPlace\":\"SEGOT\"", "\"incotermPlace\":\"Gothenburg\""),
            standard.replace("\"incotermPlace\":\"SEGOT\"", "\"incotermPlace\":\"XXGOT\""))) {
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, bad)));
    }
    String proposed = ledger.submit(IMPORTER, context -> orders.proposeOrder(context, standard));
    assertThat(proposed).contains("\"incoterm\":\"CIF\",\"incotermPlace\":\"SEGOT\"");
  }

  @Test
  void only_e_and_f_rules_may_let_the_seller_contract_the_carriage() {
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () ->
            ledger.submit(
                IMPORTER,
                context -> orders.proposeOrder(context, proposal("o-1", "CIF", "SEGOT", true))));
    String fob = proposal("o-1", "FOB", "CNYTN", true);
    String proposed = ledger.submit(IMPORTER, context -> orders.proposeOrder(context, fob));
    assertThat(proposed).contains("\"sellerContractsCarriage\":true");
    // Saying false is saying nothing: the stored order is the same as without it.
    String stated =
        proposal("o-2", "FOB", "CNYTN", false)
            .replace(
                "\"incotermPlace\":\"CNYTN\"",
                "\"incotermPlace\":\"CNYTN\",\"sellerContractsCarriage\":false");
    String withoutIt = ledger.submit(IMPORTER, context -> orders.proposeOrder(context, stated));
    assertThat(withoutIt).doesNotContain("sellerContractsCarriage");
  }

  @Test
  void sea_rules_need_a_sea_or_inland_waterway_shipment() {
    TradeFixtures.accept(ledger, "o-1");
    for (String mode : List.of("AIR", "ROAD", "RAIL")) {
      rejectedBooking(
          "INCOTERM_MODE_NOT_ALLOWED",
          EXPORTER,
          booking("s-1", "o-1").replace("\"mode\":\"SEA\"", "\"mode\":\"" + mode + "\""));
    }
    String barge =
        booking("s-1", "o-1")
            .replace("\"mode\":\"SEA\"", "\"mode\":\"INLAND_WATERWAY\"")
            .replace("\"portOfLoading\":\"CNYTN\"", "\"portOfLoading\":\"DEDUI\"");
    assertThat(book(EXPORTER, barge)).contains("\"mode\":\"INLAND_WATERWAY\"");
  }

  @Test
  void rules_for_any_mode_accept_air_transport() {
    TradeFixtures.accept(ledger, "o-1", proposal("o-1", "CPT", "SEGOT", false));
    String air =
        booking("s-1", "o-1")
            .replace("\"mode\":\"SEA\"", "\"mode\":\"AIR\"")
            .replace("\"portOfLoading\":\"CNYTN\"", "\"portOfLoading\":\"CNSZX\"");
    assertThat(book(EXPORTER, air)).contains("\"mode\":\"AIR\"");
  }

  @Test
  void cfr_and_cif_name_the_port_of_discharge() {
    TradeFixtures.accept(ledger, "o-1");
    rejectedBooking(
        "INCOTERM_PLACE_MISMATCH",
        EXPORTER,
        booking("s-1", "o-1")
            .replace("\"portOfDischarge\":\"SEGOT\"", "\"portOfDischarge\":\"NLRTM\""));
    assertThat(book(EXPORTER, booking("s-1", "o-1"))).contains("\"status\":\"BOOKED\"");
  }

  @Test
  void fas_and_fob_name_the_port_of_loading() {
    TradeFixtures.accept(ledger, "o-1", proposal("o-1", "FAS", "CNSHK", false));
    rejectedBooking("INCOTERM_PLACE_MISMATCH", IMPORTER, booking("s-1", "o-1"));
    String fromShekou =
        booking("s-1", "o-1").replace("\"portOfLoading\":\"CNYTN\"", "\"portOfLoading\":\"CNSHK\"");
    assertThat(book(IMPORTER, fromShekou)).contains("\"portOfLoading\":\"CNSHK\"");
  }

  @Test
  void a_shipment_loads_and_discharges_at_different_ports() {
    TradeFixtures.accept(ledger, "o-1", proposal("o-1", "DAP", "SEGOT", false));
    rejectedBooking(
        "INVALID_INPUT",
        EXPORTER,
        booking("s-1", "o-1")
            .replace("\"portOfLoading\":\"CNYTN\"", "\"portOfLoading\":\"SEGOT\""));
  }

  @Test
  void under_c_and_d_rules_the_seller_books_the_main_carriage() {
    for (String rule : List.of("CIF", "DAP", "DDP")) {
      FakeLedger trade = Consortium.foundedLedger();
      TradeFixtures.accept(trade, "o-1", proposal("o-1", rule, "SEGOT", false));
      assertRejected(
          trade,
          "ACCESS_DENIED",
          () ->
              trade.submit(
                  IMPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1"))));
      trade.submit(EXPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1")));
    }
  }

  @Test
  void under_exw_fca_fas_and_fob_the_buyer_books_and_the_carrier_still_confirms() {
    TradeFixtures.accept(ledger, "o-1", proposal("o-1", "FOB", "CNYTN", false));
    rejectedBooking("ACCESS_DENIED", EXPORTER, booking("s-1", "o-1"));

    String booked = book(IMPORTER, booking("s-1", "o-1"));

    // The seller still ships and the buyer still receives; the booking is the buyer's act.
    assertThat(booked)
        .contains("\"shipperMsp\":\"ExporterMSP\"")
        .contains("\"consigneeMsp\":\"ImporterMSP\"")
        .contains(
            "\"createdBy\":{\"identity\":\"" + IMPORTER.id() + "\",\"mspId\":\"ImporterMSP\"}");
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsEntry("\u0000shipment\u0000s-1\u0000", List.of("CarrierMSP"));
    String confirmed = ledger.submit(CARRIER, context -> shipments.confirmShipment(context, "s-1"));
    assertThat(confirmed).contains("\"status\":\"CONFIRMED\"");
    for (String rule : List.of("EXW", "FCA")) {
      FakeLedger trade = Consortium.foundedLedger();
      TradeFixtures.accept(trade, "o-1", proposal("o-1", rule, "CNSZX", false));
      assertRejected(
          trade,
          "ACCESS_DENIED",
          () ->
              trade.submit(
                  EXPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1"))));
      trade.submit(IMPORTER, context -> shipments.bookShipment(context, booking("s-1", "o-1")));
    }
  }

  @Test
  void the_seller_books_under_fob_when_the_order_says_so() {
    TradeFixtures.accept(ledger, "o-1", proposal("o-1", "FOB", "CNYTN", true));
    rejectedBooking("ACCESS_DENIED", IMPORTER, booking("s-1", "o-1"));
    assertThat(book(EXPORTER, booking("s-1", "o-1"))).contains("\"status\":\"BOOKED\"");
  }
}
