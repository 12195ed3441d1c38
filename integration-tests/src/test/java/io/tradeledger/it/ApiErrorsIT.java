package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeledger.contract.DocumentAnchor;
import io.tradeledger.contract.DocumentType;
import io.tradeledger.contract.EventReport;
import io.tradeledger.contract.EventType;
import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.it.Apis.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every class of error the APIs give on the real network, each as {@code application/problem+json}
 * with its stable code, and the ledger read back unchanged after each refusal: no or another
 * organization's key (401), a READER writing and the contract refusing a role (403), the contract's
 * codes as 404, 409 and 422, an endorsement that cannot be had because the peer of an organization
 * whose endorsement the change needs is stopped, and unknown outcomes: the orderer majority
 * stopped, and all orderers hung (SIGSTOP) while a transaction is handed to them. After an unknown
 * outcome the nodes are restored, {@code GET /transactions/{txId}} tells what became of the
 * transaction, and repeating the request answers the one committed result.
 *
 * <p>Runs after the classes that only read and write (it stops nodes), before {@link FaultsIT};
 * every test that stops or suspends nodes restores them, also when it fails.
 */
@ExtendWith(NetworkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(4)
final class ApiErrorsIT {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorsIT.class);

  /** How long restarted or resumed nodes may take to serve again. */
  private static final Duration RECOVERY = Duration.ofSeconds(120);

  private final Metrics metrics = new Metrics();

  /** An accepted order whose shipment is booked and confirmed, set up through the Gateway. */
  private final Trade trade = Trade.fresh("api-errors");

  private FabricNetwork network;
  private Apis apis;
  private Gateways gateways;

  @BeforeAll
  void prepare(FabricNetwork network) throws Exception {
    this.network = network;
    apis = Apis.of(NetworkSettings.fromSystemProperties());
    gateways = Gateways.open(network, Deadlines.standard());
    Member buyer = gateways.member(Organization.IMPORTER, "User2");
    Member seller = gateways.member(Organization.EXPORTER, "User2");
    trade.proposeAndAccept(buyer, seller);
    trade.bookAndConfirm(seller, gateways.member(Organization.CARRIER, "User2"));
  }

  @AfterAll
  void disconnect() {
    if (gateways != null) {
      gateways.close();
    }
  }

  @Test
  @Order(1)
  void a_request_without_a_key_or_with_another_organizations_key_is_401() {
    JsonNode shipment = shipment();
    EventReport loaded = loaded();

    Apis.problem(postEvent(null, loaded), 401, "UNAUTHENTICATED");
    Apis.problem(
        postEvent(apis.key(Organization.IMPORTER, Role.WRITER), loaded), 401, "UNAUTHENTICATED");
    Apis.problem(apis.get(Organization.CARRIER, "/participants", null), 401, "UNAUTHENTICATED");

    assertThat(events()).isEmpty();
    assertThat(shipment()).isEqualTo(shipment);
  }

  @Test
  @Order(2)
  void a_reader_writing_and_an_organization_without_the_role_are_403() {
    Apis.problem(
        postEvent(apis.key(Organization.CARRIER, Role.READER), loaded()), 403, "FORBIDDEN");
    assertThat(events()).isEmpty();

    // Only an IMPORTER may propose an order: the carrier's API is refused by the contract.
    Trade notProposed = Trade.fresh("api-errors-role");
    Apis.problem(
        apis.post(
            Organization.CARRIER,
            "/orders",
            apis.key(Organization.CARRIER, Role.WRITER),
            notProposed.apiProposal()),
        403,
        ErrorCode.ROLE_REQUIRED.name());
    Apis.problem(
        read(Organization.IMPORTER, "/orders/" + notProposed.orderId()),
        404,
        ErrorCode.ORDER_NOT_FOUND.name());
  }

  @Test
  @Order(3)
  void an_order_that_does_not_exist_is_404_to_reads_and_writes() {
    String missing = "/orders/o-missing-" + System.nanoTime();

    Apis.problem(read(Organization.CUSTOMS, missing), 404, ErrorCode.ORDER_NOT_FOUND.name());
    JsonNode problem =
        Apis.problem(
            apis.post(
                Organization.IMPORTER,
                missing + "/cancel",
                apis.key(Organization.IMPORTER, Role.WRITER),
                Json.write(Map.of("reason", "not needed"))),
            404,
            ErrorCode.ORDER_NOT_FOUND.name());
    assertThat(problem.path("detail").asText()).doesNotContain("chaincode response");

    Apis.problem(read(Organization.IMPORTER, missing), 404, ErrorCode.ORDER_NOT_FOUND.name());
  }

  @Test
  @Order(4)
  void the_same_order_id_with_other_content_is_409_and_the_order_is_unchanged() {
    JsonNode order = order();
    ObjectNode other = (ObjectNode) Json.read(trade.apiProposal());
    other.put(
        "requestedDeliveryDate", trade.proposal().requestedDeliveryDate().plusDays(1).toString());

    Apis.problem(
        apis.post(
            Organization.IMPORTER,
            "/orders",
            apis.key(Organization.IMPORTER, Role.WRITER),
            other.toString()),
        409,
        ErrorCode.ORDER_CONFLICT.name());

    assertThat(order()).isEqualTo(order);
    assertThat(order.path("status").asText()).isEqualTo("ACCEPTED");
  }

  @Test
  @Order(5)
  void an_actual_event_dated_in_the_future_is_422_and_the_shipment_is_unchanged() {
    JsonNode shipment = shipment();
    EventReport early =
        trade.event(
            EventType.TRANSPORT,
            "DEPARTED",
            Trade.PORT_OF_LOADING,
            Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS));

    Apis.problem(
        postEvent(apis.key(Organization.CARRIER, Role.WRITER), early),
        422,
        ErrorCode.EVENT_IN_FUTURE.name());

    assertThat(events()).isEmpty();
    assertThat(shipment()).isEqualTo(shipment);
    assertThat(shipment.path("status").asText()).isEqualTo("CONFIRMED");
  }

  /**
   * A payment milestone is endorsed by payer and payee alike: with the seller's peer stopped, the
   * buyer's API cannot have the payment endorsed. Nothing was ordered, and the milestone is as it
   * was; once the peer is back the same request is recorded.
   */
  @Test
  @Order(6)
  void a_change_whose_endorser_is_stopped_is_refused_before_ordering_and_changes_nothing() {
    String payment = "/orders/" + trade.orderId() + "/milestones/deposit/payment";
    String body = Json.write(Map.of("paymentReference", "SWIFT-ERR-" + trade.orderId()));
    String buyerKey = apis.key(Organization.IMPORTER, Role.WRITER);
    JsonNode milestones = milestones();

    HttpResponse<String> refused;
    network.stop(Organization.EXPORTER.peerNode());
    try {
      refused = apis.post(Organization.IMPORTER, payment, buyerKey, body);
      LOG.info("a payment without the seller's peer: {} {}", refused.statusCode(), refused.body());
      assertThat(milestones()).isEqualTo(milestones);
    } finally {
      network.up();
    }
    Apis.problem(refused, 503, "ENDORSERS_UNAVAILABLE");

    HttpResponse<String> paid =
        Poll.until(
            "the payment to be recorded with the seller's peer back",
            RECOVERY,
            () -> apis.post(Organization.IMPORTER, payment, buyerKey, body),
            response -> response.statusCode() == 200);
    assertThat(Apis.json(paid).path("status").asText()).isEqualTo("PAID");
  }

  /**
   * The orderer majority stopped: the one orderer left has no Raft leader and takes nothing, but
   * the API cannot tell a transaction that never reached an orderer from one that did: 504
   * OUTCOME_UNKNOWN with the transaction id. With the orderers back, the repeated request answers
   * the one record there is.
   */
  @Test
  @Order(7)
  void with_the_orderer_majority_stopped_the_outcome_is_unknown_and_a_retry_converges() {
    DocumentAnchor anchor = anchor("majority");
    HttpResponse<String> unknown;
    network.stop("orderer2", "orderer3");
    try {
      Poll.until(
          "orderer1 to give up Raft leadership",
          RECOVERY,
          () -> metrics.value(network.ports().ordererOperations(1), Metrics.RAFT_LEADER),
          leader -> leader.isPresent() && leader.getAsDouble() == 0);
      unknown = anchorThroughExporter(anchor);
    } finally {
      network.up();
    }
    metrics.awaitRaftLeader(network.ports(), RECOVERY);
    convergesAfterUnknownOutcome(anchor, unknown);
  }

  /**
   * Every orderer hung (SIGSTOP) while the API hands it a transaction: the transaction sits in the
   * orderers' connections and the submission's deadline passes, 504 OUTCOME_UNKNOWN. Resumed, the
   * orderers may or may not order it: {@code GET /transactions/{txId}} says which, and the repeated
   * request answers the one record there is.
   */
  @Test
  @Order(8)
  void with_the_orderers_hung_the_outcome_is_unknown_until_they_resume_and_a_retry_converges() {
    DocumentAnchor anchor = anchor("hung");
    String[] orderers = {"orderer1", "orderer2", "orderer3"};
    HttpResponse<String> unknown;
    network.suspend(orderers);
    try {
      unknown = anchorThroughExporter(anchor);
    } finally {
      network.resume(orderers);
    }
    metrics.awaitRaftLeader(network.ports(), RECOVERY);
    convergesAfterUnknownOutcome(anchor, unknown);
  }

  /**
   * After a 504 OUTCOME_UNKNOWN: the transaction it names is VALID, or it never committed; the
   * repeated request is 201 with the record, through that very transaction if it committed, and the
   * document has exactly one version.
   */
  private void convergesAfterUnknownOutcome(DocumentAnchor anchor, HttpResponse<String> unknown) {
    JsonNode problem = Apis.problem(unknown, 504, "OUTCOME_UNKNOWN");
    String first = problem.path("txId").asText();
    assertThat(first).matches("[0-9a-f]{64}");

    HttpResponse<String> retried =
        Poll.until(
            "the repeated anchoring to be answered 201",
            RECOVERY,
            () -> anchorThroughExporter(anchor),
            response -> response.statusCode() == 201);
    JsonNode document = Apis.json(retried);
    assertThat(document.path("documentId").asText()).isEqualTo(anchor.documentId());
    String answered = Apis.transactionId(retried);

    JsonNode status = transaction(first);
    LOG.info(
        "transaction {} of the unknown outcome: {}; the retry answered transaction {}",
        first,
        status,
        answered);
    if (status.path("status").asText().equals("VALID")) {
      assertThat(answered).as("the retry answers the transaction that committed").isEqualTo(first);
      assertThat(status.path("blockNumber").asLong()).isPositive();
    } else {
      assertThat(status.path("status").asText()).isIn("UNKNOWN", "INVALID");
      assertThat(answered).isNotEqualTo(first);
      assertThat(transaction(answered).path("status").asText()).isEqualTo("VALID");
    }
    JsonNode history =
        Apis.expect(read(Organization.INSURER, "/history/DOCUMENT/" + anchor.documentId()), 200);
    assertThat(history).as("the document's versions").hasSize(1);
    assertThat(history.get(0).path("txId").asText()).isEqualTo(answered);
  }

  private DocumentAnchor anchor(String label) {
    return new DocumentAnchor(
        trade.document(label),
        DocumentType.COMMERCIAL_INVOICE,
        Hashes.sha256(label + " invoice of " + trade.orderId()),
        trade.orderId(),
        null,
        null);
  }

  private HttpResponse<String> anchorThroughExporter(DocumentAnchor anchor) {
    HttpResponse<String> response =
        apis.post(
            Organization.EXPORTER,
            "/documents",
            apis.key(Organization.EXPORTER, Role.WRITER),
            Json.write(anchor));
    LOG.info("anchoring {}: {} {}", anchor.documentId(), response.statusCode(), response.body());
    return response;
  }

  private JsonNode transaction(String transactionId) {
    return Apis.expect(read(Organization.EXPORTER, "/transactions/" + transactionId), 200);
  }

  private EventReport loaded() {
    return trade.event(EventType.EQUIPMENT, "LOADED", Trade.PORT_OF_LOADING, trade.at(5));
  }

  private HttpResponse<String> postEvent(String key, EventReport event) {
    return apis.post(
        Organization.CARRIER,
        "/shipments/" + trade.shipmentId() + "/events",
        key,
        Json.write(event));
  }

  private HttpResponse<String> read(Organization org, String path) {
    return apis.get(org, path, apis.key(org, Role.READER));
  }

  private JsonNode shipment() {
    return Apis.expect(read(Organization.CARRIER, "/shipments/" + trade.shipmentId()), 200);
  }

  private JsonNode events() {
    return Apis.expect(
        read(Organization.CARRIER, "/shipments/" + trade.shipmentId() + "/events"), 200);
  }

  private JsonNode order() {
    return Apis.expect(read(Organization.IMPORTER, "/orders/" + trade.orderId()), 200);
  }

  private JsonNode milestones() {
    return Apis.expect(
        read(Organization.IMPORTER, "/orders/" + trade.orderId() + "/milestones"), 200);
  }
}
