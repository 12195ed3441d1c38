package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.CARRIER;
import static io.tradeledger.chaincode.testing.Consortium.CUSTOMS;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.Consortium.INSURER;
import static io.tradeledger.chaincode.testing.Consortium.OUTSIDER;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertEvent;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertRejected;
import static io.tradeledger.chaincode.testing.TradeFixtures.TERMS;
import static io.tradeledger.chaincode.testing.TradeFixtures.TERMS_HASH;
import static io.tradeledger.chaincode.testing.TradeFixtures.proposal;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.TradeFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderContractTest {
  private static final String ORDER_KEY = "\u0000order\u0000o-1\u0000";
  private static final String TERMS_KEY = "\u0000order-terms\u0000o-1\u0000";

  private final OrderContract orders = new OrderContract();
  private final FakeLedger ledger = Consortium.foundedLedger();

  @Test
  void importer_proposes_an_order_endorsed_by_buyer_and_seller() {
    String result =
        ledger.submit(IMPORTER, context -> orders.proposeOrder(context, proposal("o-1")));

    String audit =
        "\"audit\":{\"createdAt\":\"2026-03-01T08:00:01Z\",\"createdBy\":{\"identity\":\""
            + IMPORTER.id()
            + "\",\"mspId\":\"ImporterMSP\"},\"updatedAt\":\"2026-03-01T08:00:01Z\","
            + "\"updatedBy\":{\"identity\":\""
            + IMPORTER.id()
            + "\",\"mspId\":\"ImporterMSP\"}}";
    String stored =
        "{"
            + audit
            + ",\"buyerMsp\":\"ImporterMSP\",\"destination\":\"SEGOT\",\"incoterm\":\"CIF\","
            + "\"incotermPlace\":\"SEGOT\","
            + "\"lines\":[{\"description\":\"Mobile phones\",\"hsCode\":\"851712\",\"quantity\":500,"
            + "\"unit\":\"H87\"}],\"milestones\":[{\"daysDue\":30,\"milestoneId\":\"deposit\","
            + "\"shareBasisPoints\":3000,\"trigger\":\"ACCEPTANCE\"},{\"daysDue\":10,"
            + "\"milestoneId\":\"balance\",\"shareBasisPoints\":7000,\"trigger\":\"DELIVERY\"}],"
            + "\"orderId\":\"o-1\",\"origin\":\"CNSZX\",\"requestedDeliveryDate\":\"2026-06-30\","
            + "\"sellerMsp\":\"ExporterMSP\",\"status\":\"PROPOSED\",\"termsHash\":\""
            + TERMS_HASH
            + "\",\"totalValue\":{\"amount\":12500000,\"currency\":\"EUR\"}}";
    Map<String, String> writes = ledger.lastTransaction().writes();
    assertThat(writes).containsEntry(ORDER_KEY, stored);
    assertThat(result).isEqualTo(stored);
    assertThat(writes)
        .containsEntry(
            "\u0000milestone\u0000o-1\u0000deposit\u0000",
            "{\"amount\":{\"amount\":3750000,\"currency\":\"EUR\"},"
                + audit
                + ",\"daysDue\":30,"
                + "\"milestoneId\":\"deposit\",\"orderId\":\"o-1\",\"payeeMsp\":\"ExporterMSP\","
                + "\"payerMsp\":\"ImporterMSP\",\"status\":\"PENDING\",\"trigger\":\"ACCEPTANCE\"}")
        .containsKey("\u0000milestone\u0000o-1\u0000balance\u0000")
        .containsKeys(
            "\u0000order-party\u0000o-1\u0000ImporterMSP\u0000",
            "\u0000order-party\u0000o-1\u0000ExporterMSP\u0000",
            "\u0000party-order\u0000ImporterMSP\u0000o-1\u0000",
            "\u0000party-order\u0000ExporterMSP\u0000o-1\u0000");
    assertThat(writes.get("\u0000milestone\u0000o-1\u0000balance\u0000"))
        .contains("\"amount\":{\"amount\":8750000,\"currency\":\"EUR\"}");
    List<String> buyerAndSeller = List.of("ExporterMSP", "ImporterMSP");
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsOnly(
            Map.entry(ORDER_KEY, buyerAndSeller),
            Map.entry("\u0000milestone\u0000o-1\u0000deposit\u0000", buyerAndSeller),
            Map.entry("\u0000milestone\u0000o-1\u0000balance\u0000", buyerAndSeller));
    assertEvent(ledger, "OrderProposed", Map.of("orderId", "o-1"));
  }

  @Test
  void proposing_needs_an_importer_and_an_exporter_as_seller() {
    assertRejected(
        ledger,
        "NOT_A_PARTICIPANT",
        () -> ledger.submit(OUTSIDER, context -> orders.proposeOrder(context, proposal("o-1"))));
    assertRejected(
        ledger,
        "ROLE_REQUIRED",
        () -> ledger.submit(EXPORTER, context -> orders.proposeOrder(context, proposal("o-1"))));
    String toCarrier =
        proposal("o-1").replace("\"sellerMsp\":\"ExporterMSP\"", "\"sellerMsp\":\"CarrierMSP\"");
    assertRejected(
        ledger,
        "ROLE_REQUIRED",
        () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, toCarrier)));
    String toNobody =
        proposal("o-1").replace("\"sellerMsp\":\"ExporterMSP\"", "\"sellerMsp\":\"NobodyMSP\"");
    assertRejected(
        ledger,
        "PARTICIPANT_NOT_FOUND",
        () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, toNobody)));
  }

  @Test
  void proposals_are_validated_field_by_field() {
    Map<String, String> broken =
        Map.of(
            "\"shareBasisPoints\":7000", "\"shareBasisPoints\":6000",
            "\"origin\":\"CNSZX\"", "\"origin\":\"CN-SZX\"",
            "\"hsCode\":\"851712\"", "\"hsCode\":\"8517\"",
            "\"unit\":\"H87\"", "\"unit\":\"PIECES\"",
            "\"quantity\":500", "\"quantity\":500.5",
            "\"currency\":\"EUR\"", "\"currency\":\"EURO\"",
            "\"incoterm\":\"CIF\"", "\"incoterm\":\"CNF\"",
            "\"milestoneId\":\"balance\"", "\"milestoneId\":\"deposit\"",
            "\"orderId\":\"o-1\"", "\"orderId\":\"o 1\"",
            "\"daysDue\":10}", "\"daysDue\":10,\"extra\":true}");
    broken.forEach(
        (good, bad) -> {
          String request = proposal("o-1").replace(good, bad);
          assertThat(request).isNotEqualTo(proposal("o-1"));
          assertRejected(
              ledger,
              "INVALID_INPUT",
              () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, request)));
        });
  }

  @Test
  void orders_in_codes_that_are_not_trading_currencies_are_refused() {
    for (String code : List.of("XAU", "XXX", "XTS", "XDR", "CHE", "CLF")) {
      String request =
          proposal("o-1").replace("\"currency\":\"EUR\"", "\"currency\":\"" + code + "\"");
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, request)));
    }
    String inGold = proposal("o-1").replace("\"currency\":\"EUR\"", "\"currency\":\"XAU\"");
    assertThatThrownBy(
            () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, inGold)))
        .hasMessage(
            "INVALID_INPUT: totalValue.currency must be an ISO 4217 trading currency: XAU is a"
                + " precious metal code");
    String inDinars = proposal("o-1").replace("\"currency\":\"EUR\"", "\"currency\":\"BHD\"");
    String proposed = ledger.submit(IMPORTER, context -> orders.proposeOrder(context, inDinars));
    assertThat(proposed).contains("{\"amount\":12500000,\"currency\":\"BHD\"}");
  }

  @Test
  void validation_messages_name_the_field() {
    String request = proposal("o-1").replace("\"unit\":\"H87\"", "\"unit\":\"PIECES\"");
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, request)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, request)))
        .hasMessage(
            "INVALID_INPUT: lines[0].unit must be a UN/ECE Recommendation 20 unit code such as"
                + " KGM or H87");
  }

  @Test
  void a_repeated_proposal_returns_the_order_and_a_different_one_conflicts() {
    TradeFixtures.propose(ledger, "o-1");
    var before = ledger.snapshot();

    String again =
        ledger.submit(IMPORTER, context -> orders.proposeOrder(context, proposal("o-1")));

    assertThat(again).contains("\"orderId\":\"o-1\"").contains("\"status\":\"PROPOSED\"");
    assertThat(ledger.lastTransaction().writes()).isEmpty();
    assertThat(ledger.lastTransaction().eventsSet()).isZero();
    assertThat(ledger.snapshot()).isEqualTo(before);
    String different = proposal("o-1").replace("\"quantity\":500", "\"quantity\":501");
    assertRejected(
        ledger,
        "ORDER_CONFLICT",
        () -> ledger.submit(IMPORTER, context -> orders.proposeOrder(context, different)));
  }

  @Test
  void each_party_stores_its_terms_in_its_own_collection_through_its_own_peer() {
    TradeFixtures.propose(ledger, "o-1");

    String receipt =
        ledger.submit(
            IMPORTER,
            TradeFixtures.termsTransient(),
            context -> orders.storeOrderTerms(context, "o-1"));

    assertThat(receipt)
        .isEqualTo(
            "{\"collection\":\"_implicit_org_ImporterMSP\",\"orderId\":\"o-1\",\"termsHash\":\""
                + TERMS_HASH
                + "\"}");
    assertThat(ledger.lastTransaction().writes()).isEmpty();
    assertThat(ledger.lastTransaction().privateWrites())
        .isEqualTo(Map.of("_implicit_org_ImporterMSP", Map.of(TERMS_KEY, TERMS)));
    assertEvent(ledger, "OrderTermsStored", Map.of("orderId", "o-1"));
    assertThat(ledger.lastTransaction().eventPayload())
        .doesNotContain("salt")
        .doesNotContain("25000");
    String own = ledger.evaluate(IMPORTER, context -> orders.getOrderTerms(context, "o-1"));
    assertThat(own).isEqualTo(TERMS);
  }

  @Test
  void storing_terms_is_refused_unless_they_match_and_come_from_a_party_on_its_own_peer() {
    TradeFixtures.propose(ledger, "o-1");
    assertRejected(
        ledger,
        "WRONG_ENDORSING_PEER",
        () ->
            ledger.submitOnPeer(
                IMPORTER,
                "ExporterMSP",
                TradeFixtures.termsTransient(),
                context -> orders.storeOrderTerms(context, "o-1")));
    assertRejected(
        ledger,
        "TERMS_NOT_PROVIDED",
        () -> ledger.submit(IMPORTER, context -> orders.storeOrderTerms(context, "o-1")));
    String otherTerms = TERMS.replace("250", "300");
    assertRejected(
        ledger,
        "TERMS_HASH_MISMATCH",
        () ->
            ledger.submit(
                IMPORTER,
                Map.of("terms", otherTerms.getBytes(UTF_8)),
                context -> orders.storeOrderTerms(context, "o-1")));
    String pretty = TERMS.replace(",", ", ");
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () ->
            ledger.submit(
                IMPORTER,
                Map.of("terms", pretty.getBytes(UTF_8)),
                context -> orders.storeOrderTerms(context, "o-1")));
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () ->
            ledger.submit(
                CUSTOMS,
                TradeFixtures.termsTransient(),
                context -> orders.storeOrderTerms(context, "o-1")));
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () ->
            ledger.submit(
                CARRIER,
                TradeFixtures.termsTransient(),
                context -> orders.storeOrderTerms(context, "o-1")));
  }

  /** Proposes order {@code orderId} for {@code terms}, with the proposal edited by {@code edit}. */
  private void proposeFor(String orderId, String terms, Map<String, String> edit) {
    String[] request = {proposal(orderId).replace(TERMS_HASH, TradeFixtures.sha256(terms))};
    edit.forEach((from, to) -> request[0] = request[0].replace(from, to));
    ledger.submit(IMPORTER, context -> orders.proposeOrder(context, request[0]));
  }

  private String storeAs(String orderId, String terms) {
    return ledger.submit(
        EXPORTER,
        Map.of("terms", terms.getBytes(UTF_8)),
        context -> orders.storeOrderTerms(context, orderId));
  }

  @Test
  void terms_that_price_every_line_and_add_up_to_the_total_are_stored() {
    TradeFixtures.propose(ledger, "o-1");

    TradeFixtures.storeTerms(ledger, EXPORTER, "o-1");

    assertThat(ledger.lastTransaction().privateWrites()).containsKey("_implicit_org_ExporterMSP");
    // Two lines, no discount, no charges: 2 x 100.00 + 3 x 50.00 = 350.00 EUR.
    String twoLines =
        "{\"clauses\":[],\"discountBasisPoints\":0,\"linePrices\":["
            + "{\"line\":2,\"unitPrice\":{\"amount\":5000,\"currency\":\"EUR\"}},"
            + "{\"line\":1,\"unitPrice\":{\"amount\":10000,\"currency\":\"EUR\"}}],"
            + "\"salt\":\"0123456789abcdef0123456789abcdef\"}";
    proposeFor(
        "o-2",
        twoLines,
        Map.of(
            "\"quantity\":500,\"unit\":\"H87\"}",
            "\"quantity\":2,\"unit\":\"H87\"},{\"hsCode\":\"851713\",\"description\":\"Chargers\","
                + "\"quantity\":3,\"unit\":\"H87\"}",
            "\"amount\":12500000",
            "\"amount\":35000"));
    assertThat(storeAs("o-2", twoLines)).contains("\"orderId\":\"o-2\"");
  }

  @Test
  void the_discount_is_rounded_half_up_to_the_minor_unit() {
    // 123.45 EUR less 2.5% (3.08625 EUR, rounded half up to 3.09 EUR) is 120.36 EUR.
    String terms =
        "{\"clauses\":[],\"discountBasisPoints\":250,\"linePrices\":["
            + "{\"line\":1,\"unitPrice\":{\"amount\":12345,\"currency\":\"EUR\"}}],"
            + "\"salt\":\"0123456789abcdef0123456789abcdef\"}";
    Map<String, String> oneUnit = Map.of("\"quantity\":500", "\"quantity\":1");
    proposeFor("o-1", terms, merged(oneUnit, "\"amount\":12500000", "\"amount\":12036"));
    proposeFor("o-2", terms, merged(oneUnit, "\"amount\":12500000", "\"amount\":12037"));

    assertThat(storeAs("o-1", terms)).contains("\"orderId\":\"o-1\"");
    assertRejected(ledger, "TERMS_TOTAL_MISMATCH", () -> storeAs("o-2", terms));
  }

  @Test
  void a_yen_order_is_priced_in_whole_yen() {
    String terms =
        "{\"clauses\":[],\"discountBasisPoints\":0,\"linePrices\":["
            + "{\"line\":1,\"unitPrice\":{\"amount\":41000,\"currency\":\"JPY\"}}],"
            + "\"salt\":\"0123456789abcdef0123456789abcdef\"}";
    proposeFor(
        "o-1",
        terms,
        Map.of(
            "{\"amount\":12500000,\"currency\":\"EUR\"}",
            "{\"amount\":20500000,\"currency\":\"JPY\"}"));

    assertThat(storeAs("o-1", terms)).contains("\"orderId\":\"o-1\"");
  }

  @Test
  void terms_that_miss_a_line_price_another_line_or_another_currency_are_refused() {
    String missing = TERMS.replace("\"linePrices\":[{\"line\":1,", "\"linePrices\":[{\"line\":2,");
    String inDollars =
        TERMS.replace(
            "\"amount\":25000,\"currency\":\"EUR\"", "\"amount\":25000,\"currency\":\"USD\"");
    String chargedInDollars =
        TERMS.replace(
            "\"amount\":62500,\"currency\":\"EUR\"", "\"amount\":62500,\"currency\":\"USD\"");
    String twice =
        TERMS.replace(
            "\"linePrices\":[",
            "\"linePrices\":[{\"line\":1,\"unitPrice\":{\"amount\":1,\"currency\":\"EUR\"}},");
    assertThat(List.of(missing, inDollars, chargedInDollars, twice)).doesNotContain(TERMS);
    int number = 1;
    for (String terms : List.of(missing, inDollars, chargedInDollars)) {
      String orderId = "o-" + number++;
      proposeFor(orderId, terms, Map.of());
      assertRejected(ledger, "TERMS_LINES_MISPRICED", () -> storeAs(orderId, terms));
    }
    proposeFor("o-9", twice, Map.of());
    assertRejected(ledger, "INVALID_INPUT", () -> storeAs("o-9", twice));
    // Two order lines, one price.
    proposeFor(
        "o-10",
        TERMS,
        Map.of(
            "\"unit\":\"H87\"}",
            "\"unit\":\"H87\"},{\"hsCode\":\"851713\",\"description\":\"Chargers\","
                + "\"quantity\":1,\"unit\":\"H87\"}"));
    assertRejected(ledger, "TERMS_LINES_MISPRICED", () -> storeAs("o-10", TERMS));
  }

  @Test
  void terms_that_do_not_add_up_to_the_total_value_are_refused() {
    String noCharges = TERMS.replaceFirst("\\{\"charges\":\\[.*\\],\"clauses\"", "{\"clauses\"");
    String emptyCharges =
        TERMS.replaceFirst("\\{\"charges\":\\[.*\\],\"clauses\"", "{\"charges\":[],\"clauses\"");
    assertThat(noCharges).startsWith("{\"clauses\":");
    proposeFor("o-1", noCharges, Map.of());
    proposeFor("o-2", TERMS, Map.of("\"amount\":12500000", "\"amount\":12500001"));
    proposeFor("o-3", emptyCharges, Map.of());
    var before = ledger.snapshot();

    assertRejected(ledger, "TERMS_TOTAL_MISMATCH", () -> storeAs("o-1", noCharges));
    assertThatThrownBy(() -> storeAs("o-1", noCharges))
        .hasMessage(
            "TERMS_TOTAL_MISMATCH: the terms come to 121875.00 EUR (priced 125000.00 EUR, less 250"
                + " basis points discount 3125.00 EUR, plus charges 0.00 EUR), not the order's"
                + " total value 125000.00 EUR");
    assertRejected(ledger, "TERMS_TOTAL_MISMATCH", () -> storeAs("o-2", TERMS));
    assertRejected(ledger, "INVALID_INPUT", () -> storeAs("o-3", emptyCharges));
    assertThat(ledger.snapshot()).isEqualTo(before);
  }

  private static Map<String, String> merged(Map<String, String> edit, String from, String to) {
    Map<String, String> all = new java.util.LinkedHashMap<>(edit);
    all.put(from, to);
    return all;
  }

  @Test
  void terms_are_read_only_by_their_owner_on_its_own_peer() {
    TradeFixtures.propose(ledger, "o-1");
    TradeFixtures.storeTerms(ledger, IMPORTER, "o-1");

    assertRejected(
        ledger,
        "TERMS_NOT_STORED",
        () -> ledger.evaluate(EXPORTER, context -> orders.getOrderTerms(context, "o-1")));
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.evaluate(INSURER, context -> orders.getOrderTerms(context, "o-1")));
  }

  @Test
  void the_seller_accepts_once_both_copies_of_the_terms_match() {
    TradeFixtures.propose(ledger, "o-1");
    TradeFixtures.storeTerms(ledger, IMPORTER, "o-1");
    assertRejected(
        ledger,
        "TERMS_NOT_STORED",
        () -> ledger.submit(EXPORTER, context -> orders.acceptOrder(context, "o-1")));
    TradeFixtures.storeTerms(ledger, EXPORTER, "o-1");
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(IMPORTER, context -> orders.acceptOrder(context, "o-1")));

    String accepted = ledger.submit(EXPORTER, context -> orders.acceptOrder(context, "o-1"));

    assertThat(accepted)
        .contains("\"acceptedAt\":\"2026-03-01T08:00:06Z\"")
        .contains("\"status\":\"ACCEPTED\"")
        .contains(
            "\"updatedBy\":{\"identity\":\"" + EXPORTER.id() + "\",\"mspId\":\"ExporterMSP\"}");
    assertThat(ledger.lastTransaction().writes()).containsOnlyKeys(ORDER_KEY);
    assertThat(ledger.lastTransaction().writes().get(ORDER_KEY)).isEqualTo(accepted);
    assertThat(ledger.lastTransaction().endorsementPolicies()).isEmpty();
    assertEvent(ledger, "OrderAccepted", Map.of("orderId", "o-1"));
    assertRejected(
        ledger,
        "ORDER_INVALID_TRANSITION",
        () -> ledger.submit(EXPORTER, context -> orders.acceptOrder(context, "o-1")));
  }

  @Test
  void acceptance_detects_a_private_copy_that_does_not_hash_to_the_order() {
    TradeFixtures.propose(ledger, "o-1");
    TradeFixtures.storeTerms(ledger, IMPORTER, "o-1");
    ledger.submit(
        EXPORTER,
        context -> {
          Tx tx = Tx.of(context);
          tx.state().putPrivate("_implicit_org_ExporterMSP", TERMS_KEY, "tampered".getBytes(UTF_8));
          return null;
        });

    assertRejected(
        ledger,
        "TERMS_HASH_MISMATCH",
        () -> ledger.submit(EXPORTER, context -> orders.acceptOrder(context, "o-1")));
  }

  @Test
  void the_seller_rejects_and_the_buyer_cancels_only_proposed_orders() {
    TradeFixtures.propose(ledger, "o-1");
    TradeFixtures.propose(ledger, "o-2");
    String decision = "{\"orderId\":\"o-1\",\"reason\":\"Price too low\"}";
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(IMPORTER, context -> orders.rejectOrder(context, decision)));
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () ->
            ledger.submit(
                EXPORTER,
                context -> orders.rejectOrder(context, "{\"orderId\":\"o-1\",\"reason\":\" \"}")));

    String rejected = ledger.submit(EXPORTER, context -> orders.rejectOrder(context, decision));

    assertThat(rejected)
        .contains("\"status\":\"REJECTED\"")
        .contains("\"statusReason\":\"Price too low\"");
    assertEvent(ledger, "OrderRejected", Map.of("orderId", "o-1"));
    assertRejected(
        ledger,
        "ORDER_INVALID_TRANSITION",
        () ->
            ledger.submit(
                IMPORTER,
                context ->
                    orders.cancelOrder(
                        context, "{\"orderId\":\"o-1\",\"reason\":\"Changed mind\"}")));

    String cancel = "{\"orderId\":\"o-2\",\"reason\":\"Changed mind\"}";
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(EXPORTER, context -> orders.cancelOrder(context, cancel)));
    String cancelled = ledger.submit(IMPORTER, context -> orders.cancelOrder(context, cancel));
    assertThat(cancelled).contains("\"status\":\"CANCELLED\"");
    assertEvent(ledger, "OrderCancelled", Map.of("orderId", "o-2"));
  }

  @Test
  void orders_are_visible_to_their_parties_and_assessors_only() {
    TradeFixtures.propose(ledger, "o-1");

    String forSeller = ledger.evaluate(EXPORTER, context -> orders.getOrder(context, "o-1"));
    String forCustoms = ledger.evaluate(CUSTOMS, context -> orders.getOrder(context, "o-1"));
    String forInsurer = ledger.evaluate(INSURER, context -> orders.getOrder(context, "o-1"));

    assertThat(forSeller)
        .contains("\"orderId\":\"o-1\"")
        .isEqualTo(forCustoms)
        .isEqualTo(forInsurer);
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () -> ledger.evaluate(CARRIER, context -> orders.getOrder(context, "o-1")));
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () -> ledger.evaluate(OUTSIDER, context -> orders.getOrder(context, "o-1")));
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () -> ledger.evaluate(EXPORTER, context -> orders.getOrder(context, "o-9")));
  }

  @Test
  void a_party_lists_its_orders_page_by_page() {
    TradeFixtures.propose(ledger, "o-1");
    TradeFixtures.propose(ledger, "o-2");
    TradeFixtures.propose(ledger, "o-3");

    String first = ledger.evaluate(EXPORTER, context -> orders.listOrders(context, "2", ""));
    assertThat(first)
        .contains("\"orderId\":\"o-1\"")
        .contains("\"orderId\":\"o-2\"")
        .doesNotContain("\"orderId\":\"o-3\"")
        .contains("\"bookmark\":\"\\u0000party-order\\u0000ExporterMSP\\u0000o-3\\u0000\"");
    String bookmark = "\u0000party-order\u0000ExporterMSP\u0000o-3\u0000";
    String second = ledger.evaluate(EXPORTER, context -> orders.listOrders(context, "2", bookmark));
    assertThat(second).contains("\"orderId\":\"o-3\"").doesNotContain("bookmark");
    String carriers = ledger.evaluate(CARRIER, context -> orders.listOrders(context, "10", ""));
    assertThat(carriers).isEqualTo("{\"records\":[]}");
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () -> ledger.evaluate(EXPORTER, context -> orders.listOrders(context, "0", "")));
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () -> ledger.evaluate(EXPORTER, context -> orders.listOrders(context, "101", "")));
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () -> ledger.evaluate(EXPORTER, context -> orders.listOrders(context, "ten", "")));
  }

  @Test
  void an_order_is_completed_only_when_paid_and_delivered() {
    TradeFixtures.accept(ledger, "o-1");
    assertRejected(
        ledger,
        "ORDER_NOT_COMPLETABLE",
        () -> ledger.submit(IMPORTER, context -> orders.completeOrder(context, "o-1")));
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () -> ledger.submit(CARRIER, context -> orders.completeOrder(context, "o-1")));
    TradeFixtures.propose(ledger, "o-2");
    assertRejected(
        ledger,
        "ORDER_INVALID_TRANSITION",
        () -> ledger.submit(IMPORTER, context -> orders.completeOrder(context, "o-2")));
  }
}
