package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.CARRIER;
import static io.tradeledger.chaincode.testing.Consortium.CUSTOMS;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.Consortium.INSURER;
import static io.tradeledger.chaincode.testing.Consortium.OUTSIDER;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertEvent;
import static io.tradeledger.chaincode.testing.LedgerAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.TradeFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InsuranceContractTest {
  private static final String CERTIFICATE = "c".repeat(64);
  private static final String EVIDENCE = "e".repeat(64);

  /** 110% of the order's 125,000.00 EUR. */
  private static final String POLICY =
      """
      {"policyId":"p-1","shipmentId":"s-1","insuredMsp":"ImporterMSP",\
      "coverAmount":{"amount":13750000,"currency":"EUR"},"clauses":"ICC_C",\
      "certificateHash":"%s"}"""
          .formatted(CERTIFICATE);

  private static final String CLAIM =
      """
      {"claimId":"c-1","policyId":"p-1","amount":{"amount":500000,"currency":"EUR"},\
      "description":"Water damage to 20 cartons","evidenceHashes":["%s"]}"""
          .formatted(EVIDENCE);

  private final InsuranceContract insurance = new InsuranceContract();
  private final FakeLedger ledger = Consortium.foundedLedger();

  @BeforeEach
  void shipment() {
    TradeFixtures.accept(ledger, "o-1");
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1");
  }

  private void issue() {
    ledger.submit(INSURER, context -> insurance.issuePolicy(context, POLICY));
  }

  private void fileClaim() {
    ledger.submit(IMPORTER, context -> insurance.fileClaim(context, CLAIM));
  }

  private String decide(String decision) {
    return ledger.submit(INSURER, context -> insurance.decideClaim(context, decision));
  }

  @Test
  void an_insurer_issues_a_policy_that_only_it_endorses_afterwards() {
    String result = ledger.submit(INSURER, context -> insurance.issuePolicy(context, POLICY));

    String key = "\u0000policy\u0000p-1\u0000";
    String expected =
        "{\"audit\":{\"createdAt\":\"2026-03-01T08:00:07Z\",\"createdBy\":{\"identity\":\""
            + INSURER.id()
            + "\",\"mspId\":\"InsurerMSP\"},\"updatedAt\":\"2026-03-01T08:00:07Z\",\"updatedBy\":"
            + "{\"identity\":\""
            + INSURER.id()
            + "\",\"mspId\":\"InsurerMSP\"}},\"certificateHash\":\""
            + CERTIFICATE
            + "\",\"clauses\":\"ICC_C\",\"coverAmount\":{\"amount\":13750000,\"currency\":\"EUR\"},"
            + "\"insuredMsp\":\"ImporterMSP\",\"insurerMsp\":\"InsurerMSP\",\"orderId\":\"o-1\","
            + "\"policyId\":\"p-1\",\"shipmentId\":\"s-1\"}";
    assertThat(result).isEqualTo(expected);
    assertThat(ledger.lastTransaction().writes())
        .containsOnly(
            Map.entry(key, expected),
            Map.entry("\u0000shipment-policy\u0000s-1\u0000p-1\u0000", "\u0000"),
            Map.entry("\u0000order-party\u0000o-1\u0000InsurerMSP\u0000", "\u0000"),
            Map.entry("\u0000party-order\u0000InsurerMSP\u0000o-1\u0000", "\u0000"));
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsOnly(Map.entry(key, List.of("InsurerMSP")));
    assertEvent(
        ledger, "PolicyIssued", Map.of("orderId", "o-1", "policyId", "p-1", "shipmentId", "s-1"));
  }

  @Test
  void the_insurer_lists_the_trades_it_covers() {
    OrderContract orders = new OrderContract();
    String before = ledger.evaluate(INSURER, context -> orders.listOrders(context, "10", ""));
    assertThat(before).isEqualTo("{\"records\":[]}");

    ledger.submit(INSURER, context -> insurance.issuePolicy(context, POLICY));

    String after = ledger.evaluate(INSURER, context -> orders.listOrders(context, "10", ""));
    assertThat(after).contains("\"orderId\":\"o-1\"");
  }

  @Test
  void cif_needs_at_least_110_percent_of_the_order_value_in_its_currency() {
    String short1 = POLICY.replace("13750000", "13749999");
    String dollars = POLICY.replace("\"currency\":\"EUR\"", "\"currency\":\"USD\"");
    for (String policy : List.of(short1, dollars)) {
      assertRejected(
          ledger,
          "POLICY_COVER_INSUFFICIENT",
          () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, policy)));
    }
  }

  @Test
  void cip_needs_institute_cargo_clauses_a() {
    FakeLedger cip = Consortium.foundedLedger();
    OrderContract orders = new OrderContract();
    cip.submit(
        IMPORTER,
        context ->
            orders.proposeOrder(
                context, TradeFixtures.proposal("o-1").replace("\"CIF\"", "\"CIP\"")));
    TradeFixtures.storeTerms(cip, IMPORTER, "o-1");
    TradeFixtures.storeTerms(cip, EXPORTER, "o-1");
    cip.submit(EXPORTER, context -> orders.acceptOrder(context, "o-1"));
    TradeFixtures.bookAndConfirm(cip, "s-1", "o-1");

    assertRejected(
        cip,
        "POLICY_COVER_INSUFFICIENT",
        () -> cip.submit(INSURER, context -> insurance.issuePolicy(context, POLICY)));
    String clausesA = POLICY.replace("ICC_C", "ICC_A");
    String issued = cip.submit(INSURER, context -> insurance.issuePolicy(context, clausesA));
    assertThat(issued).contains("\"clauses\":\"ICC_A\"");
  }

  @Test
  void issuing_needs_the_insurer_role_and_a_trade_party_as_insured() {
    assertRejected(
        ledger,
        "ROLE_REQUIRED",
        () -> ledger.submit(CUSTOMS, context -> insurance.issuePolicy(context, POLICY)));
    assertRejected(
        ledger,
        "NOT_A_PARTICIPANT",
        () -> ledger.submit(OUTSIDER, context -> insurance.issuePolicy(context, POLICY)));
    String forCarrier =
        POLICY.replace("\"insuredMsp\":\"ImporterMSP\"", "\"insuredMsp\":\"CarrierMSP\"");
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, forCarrier)));
    String unknownShipment = POLICY.replace("\"shipmentId\":\"s-1\"", "\"shipmentId\":\"s-9\"");
    assertRejected(
        ledger,
        "SHIPMENT_NOT_FOUND",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, unknownShipment)));
    for (String bad :
        List.of(
            POLICY.replace("ICC_C", "ICC_D"),
            POLICY.replace(CERTIFICATE, "abc"),
            POLICY.replace("13750000", "-1"))) {
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, bad)));
    }
  }

  @Test
  void a_repeated_policy_returns_it_and_a_different_one_conflicts() {
    issue();
    String again = ledger.submit(INSURER, context -> insurance.issuePolicy(context, POLICY));
    assertThat(again).contains("\"policyId\":\"p-1\"");
    assertThat(ledger.lastTransaction().writes()).isEmpty();
    String different = POLICY.replace("13750000", "14000000");
    assertRejected(
        ledger,
        "POLICY_CONFLICT",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, different)));
  }

  @Test
  void the_insured_files_a_claim_that_only_the_insurer_endorses() {
    issue();

    String filed = ledger.submit(IMPORTER, context -> insurance.fileClaim(context, CLAIM));

    String key = "\u0000claim\u0000c-1\u0000";
    assertThat(filed)
        .contains("\"claimantMsp\":\"ImporterMSP\"")
        .contains("\"insurerMsp\":\"InsurerMSP\"")
        .contains("\"status\":\"FILED\"")
        .contains("\"evidenceHashes\":[\"" + EVIDENCE + "\"]");
    assertThat(ledger.lastTransaction().writes())
        .containsOnly(
            Map.entry(key, filed),
            Map.entry("\u0000policy-claim\u0000p-1\u0000c-1\u0000", "\u0000"));
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsOnly(Map.entry(key, List.of("InsurerMSP")));
    assertEvent(
        ledger, "ClaimFiled", Map.of("claimId", "c-1", "orderId", "o-1", "policyId", "p-1"));
  }

  @Test
  void claims_are_for_the_insured_within_the_cover() {
    issue();
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(EXPORTER, context -> insurance.fileClaim(context, CLAIM)));
    assertRejected(
        ledger,
        "POLICY_NOT_FOUND",
        () -> ledger.submit(OUTSIDER, context -> insurance.fileClaim(context, CLAIM)));
    String tooMuch = CLAIM.replace("500000", "13750001");
    assertRejected(
        ledger,
        "CLAIM_AMOUNT_EXCEEDS_COVER",
        () -> ledger.submit(IMPORTER, context -> insurance.fileClaim(context, tooMuch)));
    for (String bad :
        List.of(
            CLAIM.replace("\"currency\":\"EUR\"", "\"currency\":\"SEK\""),
            CLAIM.replace("[\"" + EVIDENCE + "\"]", "[]"),
            CLAIM.replace("Water damage to 20 cartons", ""))) {
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(IMPORTER, context -> insurance.fileClaim(context, bad)));
    }
    fileClaim();
    assertRejected(
        ledger,
        "CLAIM_CONFLICT",
        () ->
            ledger.submit(
                IMPORTER,
                context -> insurance.fileClaim(context, CLAIM.replace("20 cartons", "2"))));
  }

  @Test
  void the_insurer_approves_then_settles_a_claim() {
    issue();
    fileClaim();
    assertRejected(
        ledger,
        "CLAIM_INVALID_TRANSITION",
        () ->
            decide(
                "{\"claimId\":\"c-1\",\"decision\":\"SETTLED\","
                    + "\"settledAmount\":{\"amount\":1,\"currency\":\"EUR\"}}"));

    String approved =
        decide("{\"claimId\":\"c-1\",\"decision\":\"APPROVED\",\"reason\":\"Covered by ICC (C)\"}");
    assertThat(approved).contains("\"status\":\"APPROVED\"").contains("\"decidedAt\":");
    assertEvent(
        ledger, "ClaimDecided", Map.of("claimId", "c-1", "orderId", "o-1", "policyId", "p-1"));
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () ->
            decide(
                "{\"claimId\":\"c-1\",\"decision\":\"SETTLED\","
                    + "\"settledAmount\":{\"amount\":500001,\"currency\":\"EUR\"}}"));
    String settled =
        decide(
            "{\"claimId\":\"c-1\",\"decision\":\"SETTLED\","
                + "\"settledAmount\":{\"amount\":450000,\"currency\":\"EUR\"}}");

    assertThat(settled)
        .contains("\"status\":\"SETTLED\"")
        .contains("\"settledAmount\":{\"amount\":450000,\"currency\":\"EUR\"}")
        .contains("\"reason\":\"Covered by ICC (C)\"");
    assertThat(ledger.lastTransaction().writes()).containsOnlyKeys("\u0000claim\u0000c-1\u0000");
    assertRejected(
        ledger,
        "CLAIM_INVALID_TRANSITION",
        () -> decide("{\"claimId\":\"c-1\",\"decision\":\"REJECTED\",\"reason\":\"late\"}"));
  }

  @Test
  void only_the_insurer_decides_and_a_rejection_needs_a_reason() {
    issue();
    fileClaim();
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () ->
            ledger.submit(
                IMPORTER,
                context ->
                    insurance.decideClaim(
                        context, "{\"claimId\":\"c-1\",\"decision\":\"APPROVED\"}")));
    assertRejected(
        ledger, "INVALID_INPUT", () -> decide("{\"claimId\":\"c-1\",\"decision\":\"REJECTED\"}"));
    assertRejected(
        ledger, "CLAIM_NOT_FOUND", () -> decide("{\"claimId\":\"c-9\",\"decision\":\"APPROVED\"}"));
    String rejected =
        decide("{\"claimId\":\"c-1\",\"decision\":\"REJECTED\",\"reason\":\"Not covered\"}");
    assertThat(rejected).contains("\"status\":\"REJECTED\"").contains("\"reason\":\"Not covered\"");
  }

  @Test
  void policies_and_claims_are_read_by_trade_readers() {
    issue();
    fileClaim();
    String policy = ledger.evaluate(CARRIER, context -> insurance.getPolicy(context, "p-1"));
    String claim = ledger.evaluate(EXPORTER, context -> insurance.getClaim(context, "c-1"));
    String claims = ledger.evaluate(CUSTOMS, context -> insurance.listClaims(context, "p-1"));
    assertThat(policy).contains("\"policyId\":\"p-1\"");
    assertThat(claim).contains("\"claimId\":\"c-1\"");
    assertThat(claims).startsWith("[{").contains("\"claimId\":\"c-1\"");
    assertRejected(
        ledger,
        "POLICY_NOT_FOUND",
        () -> ledger.evaluate(OUTSIDER, context -> insurance.getPolicy(context, "p-1")));
    assertRejected(
        ledger,
        "CLAIM_NOT_FOUND",
        () -> ledger.evaluate(OUTSIDER, context -> insurance.getClaim(context, "c-1")));
  }

  /** The carrier's ACTUAL transport event at a port, dated before the transaction. */
  private void transport(int number, String code, String port) {
    String event =
        """
        {"eventId":"%s","shipmentId":"s-1","eventType":"TRANSPORT","eventCode":"%s",\
        "eventClassifier":"ACTUAL","location":"%s","eventDateTime":"2026-02-2%dT10:00:00Z"}"""
            .formatted(TradeFixtures.eventId(number), code, port, number);
    ShipmentContract shipments = new ShipmentContract();
    ledger.submit(CARRIER, context -> shipments.recordShipmentEvent(context, event));
  }

  @Test
  void a_policy_issued_after_departure_must_attach_from_shipment() {
    transport(1, "DEPARTED", "CNYTN");
    assertRejected(
        ledger,
        "POLICY_MUST_ATTACH_FROM_SHIPMENT",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, POLICY)));
    String stated = POLICY.replace("\"clauses\"", "\"attachesFromShipment\":false,\"clauses\"");
    assertRejected(
        ledger,
        "POLICY_MUST_ATTACH_FROM_SHIPMENT",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, stated)));

    String attached = POLICY.replace("\"clauses\"", "\"attachesFromShipment\":true,\"clauses\"");
    String issued = ledger.submit(INSURER, context -> insurance.issuePolicy(context, attached));

    assertThat(issued).contains("\"attachesFromShipment\":true");
  }

  @Test
  void no_policy_is_issued_once_the_shipment_has_arrived() {
    transport(1, "DEPARTED", "CNYTN");
    transport(2, "ARRIVED", "SEGOT");
    String attached = POLICY.replace("\"clauses\"", "\"attachesFromShipment\":true,\"clauses\"");
    assertRejected(
        ledger,
        "POLICY_AFTER_ARRIVAL",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, attached)));
  }

  @Test
  void under_cif_the_buyer_is_insured_or_named_to_claim_directly() {
    String forSeller =
        POLICY.replace("\"insuredMsp\":\"ImporterMSP\"", "\"insuredMsp\":\"ExporterMSP\"");
    assertRejected(
        ledger,
        "POLICY_BUYER_CANNOT_CLAIM",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, forSeller)));
    String namingCarrier =
        forSeller.replace("\"insuredMsp\"", "\"beneficiaryMsps\":[\"CarrierMSP\"],\"insuredMsp\"");
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, namingCarrier)));

    String namingBuyer =
        forSeller.replace("\"insuredMsp\"", "\"beneficiaryMsps\":[\"ImporterMSP\"],\"insuredMsp\"");
    String issued = ledger.submit(INSURER, context -> insurance.issuePolicy(context, namingBuyer));

    assertThat(issued)
        .contains("\"beneficiaryMsps\":[\"ImporterMSP\"]")
        .contains("\"insuredMsp\":\"ExporterMSP\"");
    // Both the insured seller and the buyer named on the certificate claim; nobody else.
    String byBuyer = ledger.submit(IMPORTER, context -> insurance.fileClaim(context, CLAIM));
    assertThat(byBuyer).contains("\"claimantMsp\":\"ImporterMSP\"");
    String second = CLAIM.replace("\"c-1\"", "\"c-2\"");
    String bySeller = ledger.submit(EXPORTER, context -> insurance.fileClaim(context, second));
    assertThat(bySeller).contains("\"claimantMsp\":\"ExporterMSP\"");
    String third = CLAIM.replace("\"c-1\"", "\"c-3\"");
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(CARRIER, context -> insurance.fileClaim(context, third)));
  }

  @Test
  void approved_and_settled_claims_together_never_exceed_the_cover() {
    issue();
    // Cover 137,500.00: 100,000.00 approved leaves 37,500.00.
    String large = CLAIM.replace("500000", "10000000");
    ledger.submit(IMPORTER, context -> insurance.fileClaim(context, large));
    decide("{\"claimId\":\"c-1\",\"decision\":\"APPROVED\"}");
    String beyond = CLAIM.replace("\"c-1\"", "\"c-2\"").replace("500000", "3750001");
    assertRejected(
        ledger,
        "CLAIM_AMOUNT_EXCEEDS_COVER",
        () -> ledger.submit(IMPORTER, context -> insurance.fileClaim(context, beyond)));
    // Two claims that each fit what remains, but not together.
    for (String id : List.of("c-2", "c-3")) {
      String claim = CLAIM.replace("\"c-1\"", "\"" + id + "\"").replace("500000", "3000000");
      ledger.submit(IMPORTER, context -> insurance.fileClaim(context, claim));
    }
    decide("{\"claimId\":\"c-2\",\"decision\":\"APPROVED\"}");
    assertRejected(
        ledger,
        "CLAIM_AMOUNT_EXCEEDS_COVER",
        () -> decide("{\"claimId\":\"c-3\",\"decision\":\"APPROVED\"}"));
    // Settling c-1 for 75,000.00 frees 25,000.00: now c-3 fits (75 + 30 + 30 <= 137.5).
    decide(
        "{\"claimId\":\"c-1\",\"decision\":\"SETTLED\","
            + "\"settledAmount\":{\"amount\":7500000,\"currency\":\"EUR\"}}");
    String approved = decide("{\"claimId\":\"c-3\",\"decision\":\"APPROVED\"}");
    assertThat(approved).contains("\"status\":\"APPROVED\"");
  }

  @Test
  void a_shipment_of_the_whole_order_needs_110_percent_of_the_whole_order() {
    // s-1 moves all 500 phones: half the order's 110% is not enough.
    String half = POLICY.replace("13750000", "6875000");
    assertRejected(
        ledger,
        "POLICY_COVER_INSUFFICIENT",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, half)));
    issue();
  }

  @Test
  void each_part_of_a_split_order_of_one_line_needs_110_percent_of_its_share() {
    ShipmentContract shipments = new ShipmentContract();
    TradeFixtures.accept(ledger, "o-2");
    TradeFixtures.bookAndConfirm(ledger, "s-2", "o-2", 300);
    String second =
        TradeFixtures.booking("s-3", "o-2", 200)
            .replace("MAEU123456789", "MAEU123456790")
            .replace("CSQU3054383", "MSKU9070323");
    ledger.submit(EXPORTER, context -> shipments.bookShipment(context, second));
    // 300 of 500 phones are 60% of 125,000.00 EUR: the cover is 110% of 75,000.00 EUR.
    String onFirst =
        POLICY
            .replace("\"policyId\":\"p-1\"", "\"policyId\":\"p-2\"")
            .replace("\"shipmentId\":\"s-1\"", "\"shipmentId\":\"s-2\"");
    String short1 = onFirst.replace("13750000", "8249999");
    assertRejected(
        ledger,
        "POLICY_COVER_INSUFFICIENT",
        () -> ledger.submit(INSURER, context -> insurance.issuePolicy(context, short1)));
    String enough = onFirst.replace("13750000", "8250000");
    String first = ledger.submit(INSURER, context -> insurance.issuePolicy(context, enough));
    assertThat(first).contains("\"policyId\":\"p-2\"");
    // 200 phones: 110% of 50,000.00 EUR, whatever the other policies cover.
    String onSecond =
        POLICY
            .replace("\"policyId\":\"p-1\"", "\"policyId\":\"p-3\"")
            .replace("\"shipmentId\":\"s-1\"", "\"shipmentId\":\"s-3\"")
            .replace("13750000", "5500000");
    String issued = ledger.submit(INSURER, context -> insurance.issuePolicy(context, onSecond));
    assertThat(issued).contains("\"policyId\":\"p-3\"");
  }
}
