package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.CARRIER;
import static io.tradeledger.chaincode.testing.Consortium.CUSTOMS;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.IMPORTER;
import static io.tradeledger.chaincode.testing.Consortium.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.TradeFixtures;
import org.junit.jupiter.api.Test;

class LedgerContractTest {
  private final LedgerContract ledgerContract = new LedgerContract();
  private final ParticipantContract participants = new ParticipantContract();

  @Test
  void history_lists_every_version_newest_first_with_its_submitter() {
    FakeLedger ledger = Consortium.foundedLedger();
    String change =
        """
        {"changeId":"c1","participant":{"mspId":"CarrierMSP","legalName":"Ocean Carrier Ltd",\
        "country":"DK","roles":["CARRIER","INSURER"]}}""";
    ledger.submit(CARRIER, context -> participants.proposeParticipantChange(context, change));
    ledger.submit(EXPORTER, context -> participants.approveParticipantChange(context, "c1"));
    ledger.submit(CUSTOMS, context -> participants.approveParticipantChange(context, "c1"));

    String history =
        ledger.evaluate(
            IMPORTER,
            context ->
                ledgerContract.getHistory(
                    context, "{\"recordType\":\"PARTICIPANT\",\"id\":\"CarrierMSP\"}"));

    assertThat(history)
        .startsWith("[{\"deleted\":false,\"submitter\":{\"identity\":\"" + CUSTOMS.id())
        .contains("\"timestamp\":\"2026-03-01T08:00:03Z\",\"txId\":\"tx0004\"")
        .contains("\"timestamp\":\"2026-03-01T08:00:00Z\",\"txId\":\"tx0001\"")
        .contains("\"roles\":[\"CARRIER\",\"INSURER\"]");
    assertThat(history.indexOf("tx0004")).isLessThan(history.indexOf("tx0001"));
  }

  @Test
  void history_of_a_trade_record_is_hidden_from_organizations_outside_the_trade() {
    FakeLedger ledger = Consortium.foundedLedger();
    TradeFixtures.propose(ledger, "o-1");
    String request = "{\"recordType\":\"ORDER\",\"id\":\"o-1\"}";

    String forSeller =
        ledger.evaluate(EXPORTER, context -> ledgerContract.getHistory(context, request));
    String forCustoms =
        ledger.evaluate(CUSTOMS, context -> ledgerContract.getHistory(context, request));

    assertThat(forSeller).contains("\"orderId\":\"o-1\"").isEqualTo(forCustoms);
    assertThatThrownBy(
            () -> ledger.evaluate(CARRIER, context -> ledgerContract.getHistory(context, request)))
        .hasMessage("ORDER_NOT_FOUND: no ORDER o-1");
    assertThatThrownBy(
            () -> ledger.evaluate(OUTSIDER, context -> ledgerContract.getHistory(context, request)))
        .hasMessage("ORDER_NOT_FOUND: no ORDER o-1");
    assertThatThrownBy(
            () ->
                ledger.evaluate(
                    EXPORTER,
                    context ->
                        ledgerContract.getHistory(
                            context, "{\"recordType\":\"ORDER\",\"id\":\"o-2\"}")))
        .hasMessage("ORDER_NOT_FOUND: no ORDER o-2");
  }

  @Test
  void history_requests_are_validated() {
    FakeLedger ledger = Consortium.foundedLedger();
    assertThatThrownBy(
            () ->
                ledger.evaluate(
                    IMPORTER,
                    context ->
                        ledgerContract.getHistory(
                            context, "{\"recordType\":\"MILESTONE\",\"id\":\"m1\"}")))
        .hasMessage("INVALID_INPUT: parentId is required");
    assertThatThrownBy(
            () ->
                ledger.evaluate(
                    IMPORTER,
                    context ->
                        ledgerContract.getHistory(
                            context,
                            "{\"recordType\":\"ORDER\",\"id\":\"o-1\",\"parentId\":\"x\"}")))
        .hasMessage("INVALID_INPUT: parentId is only for MILESTONE and SHIPMENT_EVENT");
    assertThatThrownBy(
            () ->
                ledger.evaluate(
                    IMPORTER,
                    context ->
                        ledgerContract.getHistory(
                            context, "{\"recordType\":\"CAR\",\"id\":\"o\"}")))
        .hasMessageStartingWith("INVALID_INPUT: recordType: ");
    assertThatThrownBy(
            () ->
                ledger.evaluate(
                    IMPORTER,
                    context ->
                        ledgerContract.getHistory(
                            context, "{\"recordType\":\"ORDER\",\"id\":\"a b\"}")))
        .hasMessage("INVALID_INPUT: id must match [A-Za-z0-9._-]{1,64}");
  }

  @Test
  void timeline_is_hidden_from_outsiders_and_absent_for_unknown_orders() {
    FakeLedger ledger = Consortium.foundedLedger();
    TradeFixtures.propose(ledger, "o-1");

    String timeline =
        ledger.evaluate(IMPORTER, context -> ledgerContract.getTimeline(context, "o-1"));

    assertThat(timeline)
        .startsWith("[{\"change\":\"CREATED\",\"recordId\":\"o-1\",\"recordType\":\"ORDER\"");
    assertThatThrownBy(
            () -> ledger.evaluate(CARRIER, context -> ledgerContract.getTimeline(context, "o-1")))
        .hasMessage("ORDER_NOT_FOUND: no order o-1");
    assertThatThrownBy(
            () -> ledger.evaluate(IMPORTER, context -> ledgerContract.getTimeline(context, "o-9")))
        .hasMessage("ORDER_NOT_FOUND: no order o-9");
  }
}
