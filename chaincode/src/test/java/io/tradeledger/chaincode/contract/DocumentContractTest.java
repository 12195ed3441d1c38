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

class DocumentContractTest {
  private static final String INVOICE_HASH = "1".repeat(64);
  private static final String CORRECTED_HASH = "2".repeat(64);
  private static final String INVOICE =
      """
      {"documentId":"inv-1","documentType":"COMMERCIAL_INVOICE","sha256":"%s","orderId":"o-1"}"""
          .formatted(INVOICE_HASH);
  private static final String CORRECTED =
      """
      {"documentId":"inv-2","documentType":"COMMERCIAL_INVOICE","sha256":"%s","orderId":"o-1",\
      "supersedesDocumentId":"inv-1"}"""
          .formatted(CORRECTED_HASH);

  private final DocumentContract documents = new DocumentContract();
  private final FakeLedger ledger = Consortium.foundedLedger();

  @BeforeEach
  void trade() {
    TradeFixtures.accept(ledger, "o-1");
    TradeFixtures.bookAndConfirm(ledger, "s-1", "o-1");
  }

  private String verify(String hash) {
    return ledger.evaluate(CUSTOMS, context -> documents.verifyDocument(context, hash));
  }

  @Test
  void a_party_anchors_a_document_hash_that_only_it_endorses_afterwards() {
    String result = ledger.submit(EXPORTER, context -> documents.anchorDocument(context, INVOICE));

    String key = "\u0000document\u0000inv-1\u0000";
    String expected =
        "{\"anchoredAt\":\"2026-03-01T08:00:07Z\",\"audit\":{\"createdAt\":\"2026-03-01T08:00:07Z\","
            + "\"createdBy\":{\"identity\":\""
            + EXPORTER.id()
            + "\",\"mspId\":\"ExporterMSP\"},\"updatedAt\":\"2026-03-01T08:00:07Z\",\"updatedBy\":"
            + "{\"identity\":\""
            + EXPORTER.id()
            + "\",\"mspId\":\"ExporterMSP\"}},\"documentId\":\"inv-1\",\"documentType\":"
            + "\"COMMERCIAL_INVOICE\",\"issuerMsp\":\"ExporterMSP\",\"orderId\":\"o-1\",\"sha256\":\""
            + INVOICE_HASH
            + "\"}";
    assertThat(result).isEqualTo(expected);
    assertThat(ledger.lastTransaction().writes())
        .containsOnly(
            Map.entry(key, expected),
            Map.entry("\u0000document-hash\u0000" + INVOICE_HASH + "\u0000inv-1\u0000", "\u0000"),
            Map.entry("\u0000order-document\u0000o-1\u0000inv-1\u0000", "\u0000"));
    assertThat(ledger.lastTransaction().endorsementPolicies())
        .containsOnly(Map.entry(key, List.of("ExporterMSP")));
    assertEvent(ledger, "DocumentAnchored", Map.of("documentId", "inv-1", "orderId", "o-1"));
  }

  @Test
  void a_document_may_belong_to_a_shipment() {
    String billOfLading =
        """
        {"documentId":"bl-1","documentType":"BILL_OF_LADING","sha256":"%s","shipmentId":"s-1"}"""
            .formatted("3".repeat(64));

    String result =
        ledger.submit(CARRIER, context -> documents.anchorDocument(context, billOfLading));

    assertThat(result)
        .contains("\"issuerMsp\":\"CarrierMSP\"")
        .contains("\"orderId\":\"o-1\"")
        .contains("\"shipmentId\":\"s-1\"");
    assertThat(ledger.lastTransaction().writes())
        .containsKey("\u0000shipment-document\u0000s-1\u0000bl-1\u0000")
        .containsKey("\u0000order-document\u0000o-1\u0000bl-1\u0000");
  }

  @Test
  void anchoring_needs_a_trade_the_caller_may_read_and_valid_input() {
    assertRejected(
        ledger,
        "NOT_A_PARTICIPANT",
        () -> ledger.submit(OUTSIDER, context -> documents.anchorDocument(context, INVOICE)));
    TradeFixtures.propose(ledger, "o-2");
    String otherTrade = INVOICE.replace("\"orderId\":\"o-1\"", "\"orderId\":\"o-2\"");
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () -> ledger.submit(CARRIER, context -> documents.anchorDocument(context, otherTrade)));
    for (String bad :
        List.of(
            INVOICE.replace("COMMERCIAL_INVOICE", "LETTER"),
            INVOICE.replace(
                INVOICE_HASH, INVOICE_HASH.toUpperCase(java.util.Locale.ROOT).replace('1', 'A')),
            INVOICE.replace("\"orderId\":\"o-1\"", "\"orderId\":\"o-1\",\"shipmentId\":\"s-1\""),
            INVOICE.replace(",\"orderId\":\"o-1\"", ""))) {
      assertRejected(
          ledger,
          "INVALID_INPUT",
          () -> ledger.submit(EXPORTER, context -> documents.anchorDocument(context, bad)));
    }
  }

  @Test
  void a_repeated_anchoring_returns_the_document_and_a_different_one_conflicts() {
    ledger.submit(EXPORTER, context -> documents.anchorDocument(context, INVOICE));
    String again = ledger.submit(EXPORTER, context -> documents.anchorDocument(context, INVOICE));
    assertThat(again).contains("\"documentId\":\"inv-1\"");
    assertThat(ledger.lastTransaction().writes()).isEmpty();
    assertRejected(
        ledger,
        "DOCUMENT_CONFLICT",
        () ->
            ledger.submit(
                EXPORTER,
                context ->
                    documents.anchorDocument(
                        context, INVOICE.replace(INVOICE_HASH, "4".repeat(64)))));
    assertRejected(
        ledger,
        "DOCUMENT_CONFLICT",
        () -> ledger.submit(IMPORTER, context -> documents.anchorDocument(context, INVOICE)));
  }

  @Test
  void anyone_in_the_consortium_verifies_a_hash() {
    assertThat(verify(INVOICE_HASH))
        .isEqualTo("{\"anchored\":false,\"documents\":[],\"sha256\":\"" + INVOICE_HASH + "\"}");
    ledger.submit(EXPORTER, context -> documents.anchorDocument(context, INVOICE));

    assertThat(verify(INVOICE_HASH))
        .isEqualTo(
            "{\"anchored\":true,\"documents\":[{\"anchoredAt\":\"2026-03-01T08:00:08Z\","
                + "\"documentId\":\"inv-1\",\"documentType\":\"COMMERCIAL_INVOICE\","
                + "\"issuerMsp\":\"ExporterMSP\",\"superseded\":false}],\"sha256\":\""
                + INVOICE_HASH
                + "\"}");
    assertRejected(
        ledger,
        "NOT_A_PARTICIPANT",
        () ->
            ledger.evaluate(OUTSIDER, context -> documents.verifyDocument(context, INVOICE_HASH)));
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () -> ledger.evaluate(CUSTOMS, context -> documents.verifyDocument(context, "abc")));
  }

  @Test
  void only_the_issuer_supersedes_a_document_and_only_once() {
    String note = INVOICE.replace("inv-1", "note-1").replace("COMMERCIAL_INVOICE", "OTHER");
    String importersNote =
        CORRECTED
            .replace("inv-2", "note-2")
            .replace("inv-1", "note-1")
            .replace("COMMERCIAL_INVOICE", "OTHER");
    ledger.submit(EXPORTER, context -> documents.anchorDocument(context, note));
    assertRejected(
        ledger,
        "ACCESS_DENIED",
        () -> ledger.submit(IMPORTER, context -> documents.anchorDocument(context, importersNote)));
    ledger.submit(EXPORTER, context -> documents.anchorDocument(context, INVOICE));
    assertRejected(
        ledger,
        "DOCUMENT_ISSUER_NOT_ENTITLED",
        () -> ledger.submit(IMPORTER, context -> documents.anchorDocument(context, CORRECTED)));
    assertRejected(
        ledger,
        "DOCUMENT_NOT_FOUND",
        () ->
            ledger.submit(
                EXPORTER,
                context ->
                    documents.anchorDocument(
                        context, CORRECTED.replace("\"inv-1\"", "\"inv-9\""))));

    ledger.submit(EXPORTER, context -> documents.anchorDocument(context, CORRECTED));

    assertThat(ledger.lastTransaction().writes())
        .containsKey("\u0000document-supersede\u0000inv-1\u0000inv-2\u0000")
        .doesNotContainKey("\u0000document\u0000inv-1\u0000");
    assertEvent(
        ledger,
        "DocumentAnchored",
        Map.of("documentId", "inv-2", "orderId", "o-1", "supersedesDocumentId", "inv-1"));
    assertThat(verify(INVOICE_HASH)).contains("\"superseded\":true,\"supersededBy\":\"inv-2\"");
    assertThat(verify(CORRECTED_HASH)).contains("\"superseded\":false");
    String third = CORRECTED.replace("inv-2", "inv-3").replace(CORRECTED_HASH, "5".repeat(64));
    assertRejected(
        ledger,
        "DOCUMENT_ALREADY_SUPERSEDED",
        () -> ledger.submit(EXPORTER, context -> documents.anchorDocument(context, third)));
  }

  @Test
  void a_document_only_supersedes_one_of_the_same_type_and_subject() {
    ledger.submit(EXPORTER, context -> documents.anchorDocument(context, INVOICE));
    TradeFixtures.accept(ledger, "o-2");
    String elsewhere = CORRECTED.replace("\"orderId\":\"o-1\"", "\"orderId\":\"o-2\"");
    String packingList = CORRECTED.replace("COMMERCIAL_INVOICE", "PACKING_LIST");
    String ofTheShipment = CORRECTED.replace("\"orderId\":\"o-1\"", "\"shipmentId\":\"s-1\"");

    for (String mismatch : List.of(elsewhere, packingList, ofTheShipment)) {
      assertRejected(
          ledger,
          "DOCUMENT_SUPERSEDE_MISMATCH",
          () -> ledger.submit(EXPORTER, context -> documents.anchorDocument(context, mismatch)));
    }
    String corrected =
        ledger.submit(EXPORTER, context -> documents.anchorDocument(context, CORRECTED));
    assertThat(corrected).contains("\"supersedesDocumentId\":\"inv-1\"");
  }

  private String anchor(String type, String subject, String number) {
    return """
        {"documentId":"doc-%s","documentType":"%s","sha256":"%s",%s}"""
        .formatted(number, type, number.repeat(64).substring(0, 64), subject);
  }

  @Test
  void the_carrier_alone_anchors_the_bill_of_lading_of_its_shipment() {
    String onShipment = anchor("BILL_OF_LADING", "\"shipmentId\":\"s-1\"", "a");
    String onOrder = anchor("BILL_OF_LADING", "\"orderId\":\"o-1\"", "b");

    for (var other : List.of(EXPORTER, IMPORTER)) {
      assertRejected(
          ledger,
          "DOCUMENT_ISSUER_NOT_ENTITLED",
          () -> ledger.submit(other, context -> documents.anchorDocument(context, onShipment)));
    }
    assertRejected(
        ledger,
        "INVALID_INPUT",
        () -> ledger.submit(CARRIER, context -> documents.anchorDocument(context, onOrder)));
    String anchored =
        ledger.submit(CARRIER, context -> documents.anchorDocument(context, onShipment));
    assertThat(anchored).contains("\"issuerMsp\":\"CarrierMSP\"");
  }

  @Test
  void the_seller_alone_anchors_invoices_packing_lists_and_certificates_of_origin() {
    int number = 1;
    for (String type : List.of("COMMERCIAL_INVOICE", "PACKING_LIST", "CERTIFICATE_OF_ORIGIN")) {
      String onOrder = anchor(type, "\"orderId\":\"o-1\"", String.valueOf(number++));
      String onShipment = anchor(type, "\"shipmentId\":\"s-1\"", String.valueOf(number++));
      for (var other : List.of(IMPORTER, CARRIER, CUSTOMS)) {
        assertRejected(
            ledger,
            "DOCUMENT_ISSUER_NOT_ENTITLED",
            () -> ledger.submit(other, context -> documents.anchorDocument(context, onOrder)));
      }
      ledger.submit(EXPORTER, context -> documents.anchorDocument(context, onOrder));
      ledger.submit(EXPORTER, context -> documents.anchorDocument(context, onShipment));
    }
    // Anyone reading the trade may anchor OTHER documents.
    String note = anchor("OTHER", "\"orderId\":\"o-1\"", "9");
    String anchored = ledger.submit(IMPORTER, context -> documents.anchorDocument(context, note));
    assertThat(anchored).contains("\"issuerMsp\":\"ImporterMSP\"");
  }

  @Test
  void the_insurer_of_a_policy_on_the_shipment_anchors_its_insurance_certificate() {
    String onShipment = anchor("INSURANCE_CERTIFICATE", "\"shipmentId\":\"s-1\"", "c");
    String onOrder = anchor("INSURANCE_CERTIFICATE", "\"orderId\":\"o-1\"", "d");
    assertRejected(
        ledger,
        "DOCUMENT_ISSUER_NOT_ENTITLED",
        () -> ledger.submit(INSURER, context -> documents.anchorDocument(context, onShipment)));
    ledger.submit(
        INSURER,
        context ->
            new InsuranceContract()
                .issuePolicy(
                    context,
                    "{\"policyId\":\"p-1\",\"shipmentId\":\"s-1\",\"insuredMsp\":\"ImporterMSP\","
                        + "\"coverAmount\":{\"amount\":13750000,\"currency\":\"EUR\"},"
                        + "\"clauses\":\"ICC_A\",\"certificateHash\":\""
                        + "c".repeat(64)
                        + "\"}"));
    assertRejected(
        ledger,
        "DOCUMENT_ISSUER_NOT_ENTITLED",
        () -> ledger.submit(EXPORTER, context -> documents.anchorDocument(context, onShipment)));

    ledger.submit(INSURER, context -> documents.anchorDocument(context, onShipment));
    String anchored = ledger.submit(INSURER, context -> documents.anchorDocument(context, onOrder));

    assertThat(anchored).contains("\"issuerMsp\":\"InsurerMSP\"");
  }

  @Test
  void the_declarant_or_customs_anchors_the_customs_declaration() {
    String onShipment = anchor("CUSTOMS_DECLARATION", "\"shipmentId\":\"s-1\"", "e");
    String byCustoms = anchor("CUSTOMS_DECLARATION", "\"shipmentId\":\"s-1\"", "f");
    assertRejected(
        ledger,
        "DOCUMENT_ISSUER_NOT_ENTITLED",
        () -> ledger.submit(IMPORTER, context -> documents.anchorDocument(context, onShipment)));
    ledger.submit(
        IMPORTER,
        context ->
            new CustomsContract()
                .fileDeclaration(
                    context,
                    "{\"declarationId\":\"d-1\",\"shipmentId\":\"s-1\",\"customsMsp\":\"CustomsMSP\","
                        + "\"declaredValue\":{\"amount\":12500000,\"currency\":\"EUR\"},"
                        + "\"hsCodes\":[\"851712\"]}"));
    for (var other : List.of(EXPORTER, CARRIER, INSURER)) {
      assertRejected(
          ledger,
          "DOCUMENT_ISSUER_NOT_ENTITLED",
          () -> ledger.submit(other, context -> documents.anchorDocument(context, onShipment)));
    }

    ledger.submit(IMPORTER, context -> documents.anchorDocument(context, onShipment));
    String anchored =
        ledger.submit(CUSTOMS, context -> documents.anchorDocument(context, byCustoms));

    assertThat(anchored).contains("\"issuerMsp\":\"CustomsMSP\"");
  }

  @Test
  void documents_are_read_by_trade_readers() {
    ledger.submit(EXPORTER, context -> documents.anchorDocument(context, INVOICE));
    ledger.submit(EXPORTER, context -> documents.anchorDocument(context, CORRECTED));

    String document = ledger.evaluate(CARRIER, context -> documents.getDocument(context, "inv-1"));
    String list = ledger.evaluate(IMPORTER, context -> documents.listDocuments(context, "o-1"));

    assertThat(document)
        .startsWith("{\"document\":{")
        .endsWith("\"superseded\":true,\"supersededBy\":\"inv-2\"}");
    assertThat(list.indexOf("inv-1")).isLessThan(list.indexOf("\"documentId\":\"inv-2\""));
    assertRejected(
        ledger,
        "DOCUMENT_NOT_FOUND",
        () -> ledger.evaluate(OUTSIDER, context -> documents.getDocument(context, "inv-1")));
    assertRejected(
        ledger,
        "ORDER_NOT_FOUND",
        () -> ledger.evaluate(OUTSIDER, context -> documents.listDocuments(context, "o-1")));
  }
}
