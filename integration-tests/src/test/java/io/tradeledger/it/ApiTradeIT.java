package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.contract.EventBatch;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.IccClause;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.PolicyIssue;
import io.tradeledger.contract.RecordType;
import io.tradeledger.it.Apis.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole trade of {@link TradeIT} over HTTP: each step sent to the API of the organization
 * responsible for it, with that organization's WRITER key (Fabric user User1), the way the README's
 * "The same trade over HTTP" does it. At the end the timeline and the histories are read through
 * the API of an organization that wrote none of those versions, and every version names the
 * organization and the person whose API wrote it.
 */
@ExtendWith(NetworkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
final class ApiTradeIT {
  private static final Money COVER = new Money(13_800_000, "EUR");
  private static final Money DUTIES = new Money(31_250_000, "SEK");

  /** The Fabric user behind every organization's WRITER key ({@code network.sh up}). */
  private static final String WRITER_USER = "User1";

  private final Trade trade = Trade.fresh("api-trade");

  /** Every public write of this trade, by the transaction id its API answered: who sent it. */
  private final Map<String, Organization> writers = new LinkedHashMap<>();

  private Apis apis;
  private JsonNode saltedTerms;

  @BeforeAll
  void readKeys(FabricNetwork network) {
    apis = Apis.of(NetworkSettings.fromSystemProperties());
  }

  @Test
  @Order(1)
  void the_importer_proposes_with_confidential_terms_and_gets_them_back_salted() {
    HttpResponse<String> response =
        write(Organization.IMPORTER, "/orders", trade.apiProposal(), 201);
    JsonNode proposed = Apis.json(response);

    JsonNode order = proposed.path("order");
    assertThat(order.path("orderId").asText()).isEqualTo(trade.orderId());
    assertThat(order.path("status").asText()).isEqualTo("PROPOSED");
    assertThat(order.path("buyerMsp").asText()).isEqualTo("ImporterMSP");
    assertThat(order.path("termsHash").asText())
        .isEqualTo(proposed.path("termsHash").asText())
        .matches("[0-9a-f]{64}");
    saltedTerms = proposed.path("terms");
    assertThat(saltedTerms.path("salt").asText()).matches("[A-Za-z0-9_-]{32,128}");
    assertThat(saltedTerms.path("linePrices")).hasSize(1);

    JsonNode stored = read(Organization.IMPORTER, "/orders/" + trade.orderId() + "/terms");
    assertThat(stored).isEqualTo(saltedTerms);
  }

  @Test
  @Order(2)
  void the_exporter_accepts_with_the_salted_terms_and_the_deposit_is_paid_and_confirmed() {
    JsonNode accepted =
        Apis.json(
            write(
                Organization.EXPORTER,
                "/orders/" + trade.orderId() + "/accept",
                saltedTerms.toString(),
                200));
    assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(read(Organization.EXPORTER, "/orders/" + trade.orderId() + "/terms"))
        .isEqualTo(saltedTerms);

    JsonNode milestones = read(Organization.IMPORTER, "/orders/" + trade.orderId() + "/milestones");
    assertThat(milestones)
        .extracting(view -> view.path("milestone").path("milestoneId").asText())
        .containsExactlyInAnyOrder("deposit", "departure", "clearance", "balance");

    payAndConfirm("deposit", "SWIFT-DEP-" + trade.orderId());
  }

  @Test
  @Order(3)
  void the_exporter_books_the_carrier_confirms_and_the_insurer_covers_the_shipment() {
    JsonNode booked =
        Apis.json(write(Organization.EXPORTER, "/shipments", Json.write(trade.booking()), 201));
    assertThat(booked.path("status").asText()).isEqualTo("BOOKED");
    assertThat(booked.path("carrierMsp").asText()).isEqualTo("CarrierMSP");

    JsonNode confirmed =
        Apis.json(
            write(
                Organization.CARRIER, "/shipments/" + trade.shipmentId() + "/confirm", null, 200));
    assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");

    PolicyIssue issue =
        new PolicyIssue(
            trade.policyId(),
            trade.shipmentId(),
            Organization.IMPORTER.mspId(),
            null,
            COVER,
            IccClause.ICC_A,
            null,
            Hashes.sha256("certificate " + trade.policyId()));
    JsonNode policy = Apis.json(write(Organization.INSURER, "/policies", Json.write(issue), 201));
    assertThat(policy.path("insurerMsp").asText()).isEqualTo("InsurerMSP");
    assertThat(policy.path("coverAmount").path("amount").asLong()).isEqualTo(13_800_000L);
  }

  @Test
  @Order(4)
  void the_carrier_reports_loading_and_departure_in_a_batch_and_the_arrival_singly() {
    EventReport loaded = trade.event(EventType.EQUIPMENT, "LOADED", "CNYTN", trade.at(5));
    EventReport departed = trade.event(EventType.TRANSPORT, "DEPARTED", "CNYTN", trade.at(10));
    JsonNode batch =
        Apis.json(
            write(
                Organization.CARRIER,
                "/shipments/" + trade.shipmentId() + "/events/batch",
                Json.write(new EventBatch(trade.shipmentId(), List.of(loaded, departed))),
                201));
    assertThat(batch).hasSize(2);
    assertThat(shipmentStatus()).isEqualTo("IN_TRANSIT");
    assertThat(orderStatus(Organization.IMPORTER)).isEqualTo("IN_TRANSIT");

    payAndConfirm("departure", "SWIFT-DEP2-" + trade.orderId());

    EventReport arrived =
        trade.event(EventType.TRANSPORT, "ARRIVED", Trade.PORT_OF_DISCHARGE, trade.at(60));
    JsonNode recorded =
        Apis.json(
            write(
                Organization.CARRIER,
                "/shipments/" + trade.shipmentId() + "/events",
                Json.write(arrived),
                201));
    assertThat(recorded.path("eventId").asText()).isEqualTo(arrived.eventId());
    assertThat(shipmentStatus()).isEqualTo("ARRIVED");

    JsonNode events = read(Organization.EXPORTER, "/shipments/" + trade.shipmentId() + "/events");
    assertThat(events)
        .extracting(view -> view.path("event").path("eventId").asText())
        .containsExactly(loaded.eventId(), departed.eventId(), arrived.eventId());
  }

  @Test
  @Order(5)
  void the_importer_declares_and_customs_releases_with_assessed_duties() {
    JsonNode filed =
        Apis.json(
            write(Organization.IMPORTER, "/declarations", Json.write(trade.declaration()), 201));
    assertThat(filed.path("status").asText()).isEqualTo("FILED");

    JsonNode released =
        Apis.json(
            write(
                Organization.CUSTOMS,
                "/declarations/" + trade.declarationId() + "/decision",
                Json.write(Map.of("decision", "RELEASED", "assessedDuties", DUTIES)),
                200));
    assertThat(released.path("status").asText()).isEqualTo("RELEASED");
    assertThat(released.path("assessedDuties").path("amount").asLong()).isEqualTo(31_250_000L);

    payAndConfirm("clearance", "SWIFT-CLR-" + trade.orderId());
  }

  @Test
  @Order(6)
  void delivery_and_the_last_confirmed_payment_complete_the_order() {
    EventReport droppedOff =
        trade.event(EventType.EQUIPMENT, "DROPPED_OFF", Trade.PORT_OF_DISCHARGE, trade.at(90));
    write(
        Organization.CARRIER,
        "/shipments/" + trade.shipmentId() + "/events",
        Json.write(droppedOff),
        201);
    assertThat(shipmentStatus()).isEqualTo("DELIVERED");
    assertThat(orderStatus(Organization.EXPORTER)).isEqualTo("DELIVERED");

    payAndConfirm("balance", "SWIFT-BAL-" + trade.orderId());

    assertThat(orderStatus(Organization.INSURER)).isEqualTo("COMPLETED");
    assertThat(read(Organization.IMPORTER, "/orders/" + trade.orderId() + "/milestones"))
        .extracting(view -> view.path("milestone").path("status").asText())
        .containsOnly("CONFIRMED")
        .hasSize(4);
  }

  /**
   * Customs wrote the release only: the timeline it reads names, for every public write of this
   * trade, the organization whose API sent it and that API's Fabric user.
   */
  @Test
  @Order(7)
  void the_timeline_read_through_customs_names_the_submitter_of_every_version() {
    JsonNode timeline = read(Organization.CUSTOMS, "/orders/" + trade.orderId() + "/timeline");

    Set<String> transactions = new TreeSet<>();
    String previous = "";
    for (JsonNode entry : timeline) {
      String transactionId = entry.path("txId").asText();
      Organization writer = writers.get(transactionId);
      assertThat(writer)
          .as("transaction %s of the timeline was sent by this test", transactionId)
          .isNotNull();
      assertSubmitter(entry, writer);
      assertThat(entry.path("timestamp").asText()).isGreaterThanOrEqualTo(previous);
      previous = entry.path("timestamp").asText();
      transactions.add(transactionId);
    }
    assertThat(transactions).isEqualTo(writers.keySet());
  }

  /**
   * The carrier wrote neither the order nor its milestones, the insurer not the shipment: their
   * APIs read those histories, newest first, each version with the writer it names.
   */
  @Test
  @Order(8)
  void histories_read_through_organizations_that_did_not_write_them_name_every_submitter() {
    JsonNode order = history(Organization.CARRIER, RecordType.ORDER, trade.orderId(), null);
    assertThat(order)
        .extracting(version -> version.path("value").path("status").asText())
        .containsExactly("COMPLETED", "ACCEPTED", "PROPOSED");
    assertThat(submitters(order))
        .containsExactly(Organization.EXPORTER, Organization.EXPORTER, Organization.IMPORTER);

    JsonNode balance =
        history(Organization.CARRIER, RecordType.MILESTONE, "balance", trade.orderId());
    assertThat(balance)
        .extracting(version -> version.path("value").path("status").asText())
        .containsExactly("CONFIRMED", "PAID", "PENDING");
    assertThat(submitters(balance))
        .containsExactly(Organization.EXPORTER, Organization.IMPORTER, Organization.IMPORTER);

    JsonNode shipment =
        history(Organization.INSURER, RecordType.SHIPMENT, trade.shipmentId(), null);
    assertThat(shipment)
        .extracting(version -> version.path("value").path("status").asText())
        .containsExactly("DELIVERED", "ARRIVED", "IN_TRANSIT", "CONFIRMED", "BOOKED");
    assertThat(submitters(shipment))
        .containsExactly(
            Organization.CARRIER,
            Organization.CARRIER,
            Organization.CARRIER,
            Organization.CARRIER,
            Organization.EXPORTER);

    JsonNode declaration =
        history(Organization.EXPORTER, RecordType.DECLARATION, trade.declarationId(), null);
    assertThat(submitters(declaration))
        .containsExactly(Organization.CUSTOMS, Organization.IMPORTER);
  }

  /** The importer records the payment; the exporter confirms it. */
  private void payAndConfirm(String milestoneId, String reference) {
    String path = "/orders/" + trade.orderId() + "/milestones/" + milestoneId;
    JsonNode paid =
        Apis.json(
            write(
                Organization.IMPORTER,
                path + "/payment",
                Json.write(Map.of("paymentReference", reference)),
                200));
    assertThat(paid.path("status").asText()).isEqualTo("PAID");
    assertThat(paid.path("paymentReference").asText()).isEqualTo(reference);
    JsonNode confirmed = Apis.json(write(Organization.EXPORTER, path + "/confirmation", null, 200));
    assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
  }

  /**
   * A write through the organization's own API with its WRITER key (a JSON body, or none), which
   * must answer {@code status}; its transaction is journalled as that organization's.
   */
  private HttpResponse<String> write(Organization org, String path, String body, int status) {
    String key = apis.key(org, Role.WRITER);
    HttpResponse<String> response =
        body == null ? apis.post(org, path, key) : apis.post(org, path, key, body);
    Apis.expect(response, status);
    String transactionId = Apis.transactionId(response);
    assertThat(transactionId).matches("[0-9a-f]{64}");
    writers.put(transactionId, org);
    return response;
  }

  /** A read through the organization's API with its READER key. */
  private JsonNode read(Organization org, String path) {
    return Apis.expect(apis.get(org, path, apis.key(org, Role.READER)), 200);
  }

  private JsonNode history(Organization reader, RecordType type, String id, String parentId) {
    String path = "/history/" + type + "/" + id + (parentId == null ? "" : "?parentId=" + parentId);
    JsonNode versions = read(reader, path);
    for (JsonNode version : versions) {
      Organization writer = writers.get(version.path("txId").asText());
      assertThat(writer)
          .as("version %s of %s %s was written by this test", version.path("txId"), type, id)
          .isNotNull();
      assertSubmitter(version, writer);
    }
    return versions;
  }

  private static List<Organization> submitters(JsonNode versions) {
    List<Organization> organizations = new ArrayList<>();
    for (JsonNode version : versions) {
      String mspId = version.path("submitter").path("mspId").asText();
      for (Organization org : Organization.values()) {
        if (org.mspId().equals(mspId)) {
          organizations.add(org);
        }
      }
    }
    return organizations;
  }

  /** The version names the writer's organization and the Fabric user of its WRITER key. */
  private static void assertSubmitter(JsonNode version, Organization writer) {
    JsonNode submitter = version.path("submitter");
    assertThat(submitter.path("mspId").asText()).isEqualTo(writer.mspId());
    assertThat(submitter.path("identity").asText())
        .as("%s %s", version.path("recordType").asText(), version.path("txId").asText())
        .startsWith("x509::CN=" + WRITER_USER + "@" + writer.directory() + ".trade.local,");
  }

  private String shipmentStatus() {
    return read(Organization.CARRIER, "/shipments/" + trade.shipmentId()).path("status").asText();
  }

  private String orderStatus(Organization reader) {
    return read(reader, "/orders/" + trade.orderId()).path("status").asText();
  }
}
