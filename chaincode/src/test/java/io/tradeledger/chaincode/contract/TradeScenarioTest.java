package io.tradeledger.chaincode.contract;

import static io.tradeledger.chaincode.testing.Consortium.CUSTOMS;
import static io.tradeledger.chaincode.testing.Consortium.EXPORTER;
import static io.tradeledger.chaincode.testing.Consortium.INSURER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.testing.Consortium;
import io.tradeledger.chaincode.testing.FakeLedger;
import io.tradeledger.chaincode.testing.FakeTransaction;
import io.tradeledger.chaincode.testing.TradeScenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeScenarioTest {

  @Test
  void a_whole_trade_runs_to_completion_with_one_event_per_transaction() {
    FakeLedger ledger = Consortium.foundedLedger();

    new TradeScenario().run(ledger);

    assertThat(ledger.lastTransaction().eventName()).isEqualTo("OrderCompleted");
    String order =
        ledger.evaluate(CUSTOMS, context -> new OrderContract().getOrder(context, "o-1"));
    assertThat(order).contains("\"status\":\"COMPLETED\"");
    for (FakeTransaction transaction : ledger.transactions()) {
      if (transaction.committed()) {
        assertThat(transaction.eventsSet()).as(transaction.txId()).isEqualTo(1);
        assertThat(transaction.eventPayload()).doesNotContain("salt").doesNotContain("linePrices");
      }
    }
  }

  @Test
  void every_record_carries_the_key_level_policy_of_the_organizations_responsible_for_it() {
    FakeLedger ledger = Consortium.foundedLedger();
    new TradeScenario().run(ledger);

    Map<String, List<String>> policies = new java.util.TreeMap<>();
    ledger.transactions().forEach(t -> policies.putAll(t.endorsementPolicies()));

    List<String> buyerAndSeller = List.of("ExporterMSP", "ImporterMSP");
    assertThat(policies)
        .containsEntry("\u0000order\u0000o-1\u0000", buyerAndSeller)
        .containsEntry("\u0000milestone\u0000o-1\u0000deposit\u0000", buyerAndSeller)
        .containsEntry("\u0000milestone\u0000o-1\u0000balance\u0000", buyerAndSeller)
        .containsEntry("\u0000shipment\u0000s-1\u0000", List.of("CarrierMSP"))
        .containsEntry("\u0000declaration\u0000d-1\u0000", List.of("CustomsMSP"))
        .containsEntry("\u0000policy\u0000p-1\u0000", List.of("InsurerMSP"))
        .containsEntry("\u0000claim\u0000c-1\u0000", List.of("InsurerMSP"))
        .containsEntry("\u0000document\u0000inv-1\u0000", List.of("ExporterMSP"))
        .containsEntry("\u0000document\u0000bl-1\u0000", List.of("CarrierMSP"));
    assertThat(policies.keySet().stream().filter(key -> key.startsWith("\u0000shipment-event")))
        .hasSize(5)
        .allSatisfy(key -> assertThat(policies.get(key)).isEqualTo(List.of("CarrierMSP")));
    // After creation, each transaction writes only keys whose policy names its endorsers.
    for (FakeTransaction transaction : ledger.transactions()) {
      for (String key : transaction.writes().keySet()) {
        if (policies.containsKey(key) && !transaction.endorsementPolicies().containsKey(key)) {
          assertThat(policies.get(key))
              .as("%s writes %s", transaction.txId(), key.replace('\u0000', '/'))
              .isNotEmpty();
        }
      }
    }
  }

  @Test
  void the_timeline_merges_every_record_of_the_trade_in_time_order() {
    FakeLedger ledger = Consortium.foundedLedger();
    new TradeScenario().run(ledger);

    String timeline =
        ledger.evaluate(INSURER, context -> new LedgerContract().getTimeline(context, "o-1"));

    JsonNode entries = CanonicalJson.readTree(timeline.getBytes(StandardCharsets.UTF_8));
    List<String> types = new ArrayList<>();
    String previous = "";
    String lastOrderStatus = null;
    for (JsonNode entry : entries) {
      types.add(entry.path("recordType").asText());
      if (entry.path("recordType").asText().equals("ORDER")) {
        lastOrderStatus = entry.path("value").path("status").asText();
      }
      assertThat(entry.path("timestamp").asText()).isGreaterThanOrEqualTo(previous);
      previous = entry.path("timestamp").asText();
    }
    assertThat(types)
        .contains(
            "ORDER",
            "MILESTONE",
            "SHIPMENT",
            "SHIPMENT_EVENT",
            "DECLARATION",
            "POLICY",
            "CLAIM",
            "DOCUMENT");
    assertThat(types.stream().filter("SHIPMENT_EVENT"::equals)).hasSize(5);
    assertThat(entries.get(0).path("change").asText()).isEqualTo("CREATED");
    assertThat(lastOrderStatus).isEqualTo("COMPLETED");
    assertThat(timeline).doesNotContain("linePrices");
  }

  @Test
  void histories_name_the_organization_and_person_behind_each_version() {
    FakeLedger ledger = Consortium.foundedLedger();
    new TradeScenario().run(ledger);

    String history =
        ledger.evaluate(
            CUSTOMS,
            context ->
                new LedgerContract()
                    .getHistory(context, "{\"recordType\":\"ORDER\",\"id\":\"o-1\"}"));

    JsonNode versions = CanonicalJson.readTree(history.getBytes(StandardCharsets.UTF_8));
    assertThat(versions).hasSize(3);
    assertThat(versions.get(0).path("value").path("status").asText()).isEqualTo("COMPLETED");
    assertThat(versions.get(0).path("submitter").path("identity").asText())
        .isEqualTo(EXPORTER.id());
    assertThat(versions.get(1).path("value").path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(versions.get(2).path("submitter").path("mspId").asText()).isEqualTo("ImporterMSP");
  }
}
