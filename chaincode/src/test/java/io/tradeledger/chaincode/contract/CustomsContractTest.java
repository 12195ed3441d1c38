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
import io.tradeledger.chaincode.testing.Identity;
import io.tradeledger.chaincode.testing.TradeFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomsContractTest {
  private static final String DECLARATION_KEY = "\u0000declaration\u0000d-1\u0000";
  private static final String FILING =
      """
      {"declarationId":"d-1","shipmentId":"s-1","customsMsp":"CustomsMSP",\
      "declaredValue":{"amount":12500000,"currency":"EUR"},"hsCodes":["851712"]}""";

  private final CustomsContract customs = new CustomsContract();
  private final FakeLedger ledger = Consortium.foundedLedger();

  @BeforeEach
  void shipment() {
    TradeFixtures.accept(ledger, "o-1");
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1");
  }

  private void file() {
    ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, FILING));
  }

  private String decide(String decision) {
    return ledger.submit(CUSTOMS, context -> customs.decideDeclaration(context, decision));
  }

  @Test
  void the_importer_files_a_declaration_that_only_customs_endorses_afterwards() {
    String result = ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, FILING));

    String expected =
        "{\"audit\":{\"createdAt\":\"2026-03-01T08:00:07Z\",\"createdBy\":{\"identity\":\""
            + IMPORTER.id()
            + "\",\"mspId\":\"ImporterMSP\"},\"updatedAt\":\"2026-03-01T08:00:07Z\",\"updatedBy\":"
            + "{\"identity\":\""
            + IMPORTER.id()
            + "\",\"mspId\":\"ImporterMSP\"}},\"customsMsp\":\"CustomsMSP\",\"declarationId\":"
            + "\"d-1\",\"declaredValue\":{\"amount\":12500000,\"currency\":\"EUR\"},\"hsCodes\":"
            + "[\"851712\"],\"importerMsp\":\"ImporterMSP\",\"orderId\":\"o-1\",\"shipmentId\":"
            + "\"s-1\",\"status\":\"FILED\"}";
    assertThat(result).isEqualTo(expected);
    assertThat(ledger.lastTransaction().writes())
        .containsOnly(
            Map.entry(DECLARATION_KEY, expected),
            Map.entry("\u0000shipment-declaration\u0000s-1\u0000d-1\u0000", "\u0000"),
            Map.entry("\u0000order-party\u0000o-1\u0000CustomsMSP\u0000", "\u0000"),
            Map.entry("\u0000party-order\u0000CustomsMSP\u0000o-1\u0000", "\u0000"));
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsOnly(Map.entry(DECLARATION_KEY, List.of("CustomsMSP")));
    assertEvent(
        ledger,
        "DeclarationFiled",
        Map.of("declarationId", "d-1", "orderId", "o-1", "shipmentId", "s-1"));
  }

  @Test
  void the_customs_authority_lists_the_trades_it_has_a_declaration_of() {
    OrderContract orders = new OrderContract();
    String before = ledger.evaluate(CUSTOMS, context -> orders.listOrders(context, "10", ""));
    assertThat(before).isEqualTo("{\"records\":[]}");

    ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, FILING));

    String after = ledger.evaluate(CUSTOMS, context -> orders.listOrders(context, "10", ""));
    assertThat(after).contains("\"orderId\":\"o-1\"");
  }

  @Test
  void only_the_consignee_files_and_only_with_a_customs_authority() {
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(EXPORTER, context -> customs.fileDeclaration(context, FILING)));
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(CUSTOMS, context -> customs.fileDeclaration(context, FILING)));
    assertRejected(
        ledger,
        "SHIPMENT_NOT_FOUND",
        () -> ledger.submit(OUTSIDER, context -> customs.fileDeclaration(context, FILING)));
    String withInsurer =
        FILING.replace("\"customsMsp\":\"CustomsMSP\"", "\"customsMsp\":\"InsurerMSP\"");
    assertRejected(
        ledger,
        "ROLE_REQUIRED",
        () -> ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, withInsurer)));
    for (String bad :
        List.of(
            FILING.replace("\"851712\"", "\"85\""),
            FILING.replace("\"amount\":12500000", "\"amount\":0"),
            FILING.replace("\"hsCodes\":[\"851712\"]", "\"hsCodes\":[]"),
            FILING.replace("\"shipmentId\":\"s-1\"", "\"shipmentId\":\"s/1\""))) {
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, bad)));
    }
  }

  @Test
  void a_repeated_filing_returns_the_declaration_and_a_different_one_conflicts() {
    file();
    String again = ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, FILING));
    assertThat(again).contains("\"declarationId\":\"d-1\"");
    assertThat(ledger.lastTransaction().writes()).isEmpty();
    String different = FILING.replace("12500000", "12400000");
    assertRejected(
        ledger,
        "DECLARATION_CONFLICT",
        () -> ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, different)));
  }

  @Test
  void customs_selects_for_inspection_then_releases_with_duties() {
    file();

    String selected =
        decide("{\"declarationId\":\"d-1\",\"decision\":\"SELECTED_FOR_INSPECTION\"}");
    assertThat(selected)
        .contains("\"status\":\"SELECTED_FOR_INSPECTION\"")
        .contains("\"decidedAt\":\"2026-03-01T08:00:08Z\"");
    assertEvent(
        ledger,
        "DeclarationDecided",
        Map.of("declarationId", "d-1", "orderId", "o-1", "shipmentId", "s-1"));
    String released =
        decide(
            "{\"declarationId\":\"d-1\",\"decision\":\"RELEASED\","
                + "\"assessedDuties\":{\"amount\":0,\"currency\":\"SEK\"}}");

    assertThat(released)
        .contains("\"status\":\"RELEASED\"")
        .contains("\"assessedDuties\":{\"amount\":0,\"currency\":\"SEK\"}")
        .contains("\"updatedBy\":{\"identity\":\"" + CUSTOMS.id() + "\",\"mspId\":\"CustomsMSP\"}");
    assertThat(ledger.lastTransaction().writes()).containsOnlyKeys(DECLARATION_KEY);
    assertRejected(
        ledger,
        "DECLARATION_INVALID_TRANSITION",
        () ->
            decide(
                "{\"declarationId\":\"d-1\",\"decision\":\"REJECTED\",\"reason\":\"Too late\"}"));
  }

  @Test
  void an_inspection_cannot_be_selected_twice_and_a_rejection_is_final() {
    file();
    decide("{\"declarationId\":\"d-1\",\"decision\":\"SELECTED_FOR_INSPECTION\"}");
    assertRejected(
        ledger,
        "DECLARATION_INVALID_TRANSITION",
        () -> decide("{\"declarationId\":\"d-1\",\"decision\":\"SELECTED_FOR_INSPECTION\"}"));
    String rejected =
        decide("{\"declarationId\":\"d-1\",\"decision\":\"REJECTED\",\"reason\":\"Undervalued\"}");
    assertThat(rejected).contains("\"status\":\"REJECTED\"").contains("\"reason\":\"Undervalued\"");
    assertRejected(
        ledger,
        "DECLARATION_INVALID_TRANSITION",
        () ->
            decide(
                "{\"declarationId\":\"d-1\",\"decision\":\"RELEASED\","
                    + "\"assessedDuties\":{\"amount\":1,\"currency\":\"SEK\"}}"));
  }

  @Test
  void decisions_are_validated_and_belong_to_the_named_customs_authority() {
    file();
    for (String bad :
        List.of(
            "{\"declarationId\":\"d-1\",\"decision\":\"RELEASED\"}",
            "{\"declarationId\":\"d-1\",\"decision\":\"REJECTED\"}",
            "{\"declarationId\":\"d-1\",\"decision\":\"FILED\"}",
            "{\"declarationId\":\"d-1\",\"decision\":\"SELECTED_FOR_INSPECTION\",\"reason\":\"x\"}",
            "{\"declarationId\":\"d-1\",\"decision\":\"REJECTED\",\"reason\":\"x\","
                + "\"assessedDuties\":{\"amount\":1,\"currency\":\"SEK\"}}",
            "{\"declarationId\":\"d-1\",\"decision\":\"APPROVED\"}")) {
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(CUSTOMS, context -> customs.decideDeclaration(context, bad)));
    }
    String release =
        "{\"declarationId\":\"d-1\",\"decision\":\"RELEASED\","
            + "\"assessedDuties\":{\"amount\":100,\"currency\":\"SEK\"}}";
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(IMPORTER, context -> customs.decideDeclaration(context, release)));
    assertRejected(
        ledger,
        "DECLARATION_NOT_FOUND",
        () -> ledger.submit(OUTSIDER, context -> customs.decideDeclaration(context, release)));
    assertRejected(
        ledger,
        "DECLARATION_NOT_FOUND",
        () ->
            ledger.submit(
                CUSTOMS,
                context -> customs.decideDeclaration(context, release.replace("d-1", "d-9"))));
  }

  @Test
  void declarations_are_read_by_trade_readers() {
    file();
    String forCarrier = ledger.evaluate(CARRIER, context -> customs.getDeclaration(context, "d-1"));
    String forInsurer =
        ledger.evaluate(INSURER, context -> customs.listDeclarations(context, "s-1"));
    assertThat(forCarrier).contains("\"declarationId\":\"d-1\"");
    assertThat(forInsurer).startsWith("[{").contains("\"declarationId\":\"d-1\"");
    assertRejected(
        ledger,
        "DECLARATION_NOT_FOUND",
        () -> ledger.evaluate(OUTSIDER, context -> customs.getDeclaration(context, "d-1")));
    assertRejected(
        ledger,
        "SHIPMENT_NOT_FOUND",
        () -> ledger.evaluate(OUTSIDER, context -> customs.listDeclarations(context, "s-1")));
  }

  /** Applies a registry change approved by importer, exporter and carrier (3 of 5). */
  private static void changeRegistry(FakeLedger ledger, String changeId, String participant) {
    ParticipantContract participants = new ParticipantContract();
    String change = "{\"changeId\":\"%s\",\"participant\":%s}".formatted(changeId, participant);
    ledger.submit(IMPORTER, context -> participants.proposeParticipantChange(context, change));
    ledger.submit(EXPORTER, context -> participants.approveParticipantChange(context, changeId));
    ledger.submit(CARRIER, context -> participants.approveParticipantChange(context, changeId));
  }

  private static final String NORWEGIAN_CUSTOMS =
      """
      {"mspId":"NorwegianCustomsMSP","legalName":"Norwegian Customs","country":"NO",\
      "roles":["CUSTOMS"]}""";

  @Test
  void only_the_customs_authority_of_the_country_of_import_is_filed_with() {
    changeRegistry(ledger, "add-no-customs", NORWEGIAN_CUSTOMS);
    String withNorway =
        FILING.replace("\"customsMsp\":\"CustomsMSP\"", "\"customsMsp\":\"NorwegianCustomsMSP\"");

    // Discharged at Gothenburg for Gothenburg: Sweden imports, Norway does not.
    assertRejected(
        ledger,
        "CUSTOMS_NOT_COUNTRY_OF_IMPORT",
        () -> ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, withNorway)));
    String swedish = ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, FILING));
    assertThat(swedish).contains("\"customsMsp\":\"CustomsMSP\"");
  }

  @Test
  void goods_bound_inland_may_be_cleared_in_the_country_of_destination() {
    FakeLedger oslo = Consortium.foundedLedger();
    TradeFixtures.accept(
        oslo,
        "o-1",
        TradeFixtures.proposal("o-1")
            .replace("\"destination\":\"SEGOT\"", "\"destination\":\"NOOSL\""));
    TradeFixtures.bookAndConfirm(oslo, "s-1", "o-1");
    changeRegistry(oslo, "add-no-customs", NORWEGIAN_CUSTOMS);
    String withNorway =
        FILING.replace("\"customsMsp\":\"CustomsMSP\"", "\"customsMsp\":\"NorwegianCustomsMSP\"");

    String filed = oslo.submit(IMPORTER, context -> customs.fileDeclaration(context, withNorway));

    assertThat(filed).contains("\"customsMsp\":\"NorwegianCustomsMSP\"");
  }

  @Test
  void an_authority_registered_elsewhere_since_filing_no_longer_decides() {
    file();
    changeRegistry(
        ledger,
        "move-customs",
        "{\"mspId\":\"CustomsMSP\",\"legalName\":\"Swedish Customs\",\"country\":\"DK\","
            + "\"roles\":[\"CUSTOMS\"]}");
    assertRejected(
        ledger,
        "CUSTOMS_NOT_COUNTRY_OF_IMPORT",
        () -> decide("{\"declarationId\":\"d-1\",\"decision\":\"SELECTED_FOR_INSPECTION\"}"));
  }

  @Test
  void declared_hs_codes_are_the_order_lines_codes_to_six_digits() {
    String otherPhones = FILING.replace("\"851712\"", "\"851713\"");
    String chapterOnly = FILING.replace("\"851712\"", "\"851700\"");
    for (String bad : List.of(otherPhones, chapterOnly)) {
      assertRejected(
          ledger,
          "DECLARATION_HS_CODE_MISMATCH",
          () -> ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, bad)));
    }
    // The importing country's ten-digit tariff code under the same subheading.
    String national = FILING.replace("\"851712\"", "\"8517120000\"");
    String filed = ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, national));
    assertThat(filed).contains("\"hsCodes\":[\"8517120000\"]");
  }

  @Test
  void declared_value_and_duties_are_money_in_a_known_currency() {
    String unknown = FILING.replace("\"currency\":\"EUR\"", "\"currency\":\"ABC\"");
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () -> ledger.submit(IMPORTER, context -> customs.fileDeclaration(context, unknown)));
    file();
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () ->
            decide(
                "{\"declarationId\":\"d-1\",\"decision\":\"RELEASED\","
                    + "\"assessedDuties\":{\"amount\":100,\"currency\":\"ABC\"}}"));
  }

  @Test
  void under_ddp_the_seller_clears_import() {
    FakeLedger ddp = Consortium.foundedLedger();
    TradeFixtures.accept(ddp, "o-1", TradeFixtures.proposal("o-1", "DDP", "SEGOT", false));
    TradeFixtures.bookAndConfirm(ddp, "s-1", "o-1");
    assertRejected(
        ddp,
        "ACCESS_DENIED",
        () -> ddp.submit(IMPORTER, context -> customs.fileDeclaration(context, FILING)));

    String filed = ddp.submit(EXPORTER, context -> customs.fileDeclaration(context, FILING));

    assertThat(filed)
        .contains("\"importerMsp\":\"ExporterMSP\"")
        .doesNotContain("representativeMsp");
  }

  @Test
  void the_importer_mandates_a_representative_who_then_declares_in_its_name() {
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(CARRIER, context -> customs.fileDeclaration(context, FILING)));

    String granted =
        ledger.submit(IMPORTER, context -> customs.grantCustomsMandate(context, "CarrierMSP"));

    String mandateKey = "\u0000customs-mandate\u0000ImporterMSP\u0000CarrierMSP\u0000";
    String expected =
        "{\"active\":true,\"audit\":{\"createdAt\":\"2026-03-01T08:00:08Z\",\"createdBy\":"
            + "{\"identity\":\""
            + IMPORTER.id()
            + "\",\"mspId\":\"ImporterMSP\"},\"updatedAt\":\"2026-03-01T08:00:08Z\",\"updatedBy\":"
            + "{\"identity\":\""
            + IMPORTER.id()
            + "\",\"mspId\":\"ImporterMSP\"}},\"grantorMsp\":\"ImporterMSP\","
            + "\"representativeMsp\":\"CarrierMSP\"}";
    assertThat(granted).isEqualTo(expected);
    assertThat(ledger.lastTransaction().writes()).containsOnly(Map.entry(mandateKey, expected));
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsOnly(Map.entry(mandateKey, List.of("ImporterMSP")));
    assertEvent(
        ledger,
        "CustomsMandateGranted",
        Map.of("grantorMsp", "ImporterMSP", "representativeMsp", "CarrierMSP"));
    String again =
        ledger.submit(IMPORTER, context -> customs.grantCustomsMandate(context, "CarrierMSP"));
    assertThat(again).isEqualTo(expected);
    assertThat(ledger.lastTransaction().writes()).isEmpty();

    String filed = ledger.submit(CARRIER, context -> customs.fileDeclaration(context, FILING));

    assertThat(filed)
        .contains("\"importerMsp\":\"ImporterMSP\"")
        .contains("\"representativeMsp\":\"CarrierMSP\"")
        .contains("\"createdBy\":{\"identity\":\"" + CARRIER.id() + "\",\"mspId\":\"CarrierMSP\"}");
    String read =
        ledger.evaluate(
            CUSTOMS, context -> customs.getCustomsMandate(context, "ImporterMSP", "CarrierMSP"));
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void a_representative_needs_an_active_mandate_of_the_importer_of_record() {
    ledger.submit(IMPORTER, context -> customs.grantCustomsMandate(context, "CarrierMSP"));
    String revoked =
        ledger.submit(IMPORTER, context -> customs.revokeCustomsMandate(context, "CarrierMSP"));
    assertThat(revoked)
        .contains("\"active\":false")
        .contains("\"revokedAt\":\"2026-03-01T08:00:08Z\"");
    assertEvent(
        ledger,
        "CustomsMandateRevoked",
        Map.of("grantorMsp", "ImporterMSP", "representativeMsp", "CarrierMSP"));

    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(CARRIER, context -> customs.fileDeclaration(context, FILING)));
    // A mandate of the seller is no mandate of the buyer, the importer of record under CIF.
    ledger.submit(EXPORTER, context -> customs.grantCustomsMandate(context, "CarrierMSP"));
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(CARRIER, context -> customs.fileDeclaration(context, FILING)));
    String regranted =
        ledger.submit(IMPORTER, context -> customs.grantCustomsMandate(context, "CarrierMSP"));
    assertThat(regranted).contains("\"active\":true").doesNotContain("revokedAt");
    ledger.submit(CARRIER, context -> customs.fileDeclaration(context, FILING));
  }

  @Test
  void mandates_are_granted_by_traders_to_registered_organizations_other_than_customs() {
    assertRejected(
        ledger,
        "ROLE_REQUIRED",
        () ->
            ledger.submit(CARRIER, context -> customs.grantCustomsMandate(context, "InsurerMSP")));
    assertRejected(
        ledger,
        "NOT_A_PARTICIPANT",
        () ->
            ledger.submit(OUTSIDER, context -> customs.grantCustomsMandate(context, "CarrierMSP")));
    assertRejected(
        ledger,
        "PARTICIPANT_NOT_FOUND",
        () ->
            ledger.submit(
                IMPORTER, context -> customs.grantCustomsMandate(context, "OutsiderMSP")));
    for (String bad : List.of("CustomsMSP", "ImporterMSP", "Carrier/MSP")) {
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(IMPORTER, context -> customs.grantCustomsMandate(context, bad)));
    }
    assertRejected(
        ledger,
        "MANDATE_NOT_FOUND",
        () ->
            ledger.submit(
                IMPORTER, context -> customs.revokeCustomsMandate(context, "CarrierMSP")));
    ledger.submit(IMPORTER, context -> customs.grantCustomsMandate(context, "CarrierMSP"));
    assertRejected(
        ledger,
        "MANDATE_NOT_FOUND",
        () ->
            ledger.evaluate(
                INSURER,
                context -> customs.getCustomsMandate(context, "ImporterMSP", "CarrierMSP")));
  }

  @Test
  void a_broker_outside_the_trade_declares_under_mandate_and_then_follows_the_trade() {
    Identity broker = Identity.of("BrokerMSP", "declarant");
    changeRegistry(
        ledger,
        "add-broker",
        "{\"mspId\":\"BrokerMSP\",\"legalName\":\"Gothenburg Customs Brokers AB\","
            + "\"country\":\"SE\",\"roles\":[\"IMPORTER\"]}");
    assertRejected(
        ledger,
        "SHIPMENT_NOT_FOUND",
        () -> ledger.submit(broker, context -> customs.fileDeclaration(context, FILING)));
    ledger.submit(IMPORTER, context -> customs.grantCustomsMandate(context, "BrokerMSP"));

    ledger.submit(broker, context -> customs.fileDeclaration(context, FILING));

    assertThat(ledger.lastTransaction().writes())
        .containsKeys(
            "\u0000order-party\u0000o-1\u0000BrokerMSP\u0000",
            "\u0000party-order\u0000BrokerMSP\u0000o-1\u0000");
    String declaration = ledger.evaluate(broker, context -> customs.getDeclaration(context, "d-1"));
    assertThat(declaration).contains("\"representativeMsp\":\"BrokerMSP\"");
  }
}
