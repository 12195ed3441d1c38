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
            Map.entry("\u0000shipment-declaration\u0000s-1\u0000d-1\u0000", "\u0000"));
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsOnly(Map.entry(DECLARATION_KEY, List.of("CustomsMSP")));
    assertEvent(
        ledger,
        "DeclarationFiled",
        Map.of("declarationId", "d-1", "orderId", "o-1", "shipmentId", "s-1"));
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
}
