package io.tradeledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import io.tradeledger.api.errors.Problem;
import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerEvent;
import io.tradeledger.api.ledger.LedgerRejection;
import io.tradeledger.api.ledger.LedgerUnavailable;
import io.tradeledger.api.ledger.OutcomeUnknown;
import io.tradeledger.api.service.CanonicalTerms;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.media.multipart.file.StreamDataBodyPart;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole application over HTTP with the fake ledger behind its port: authentication and roles,
 * problem bodies for every failure class, strict JSON, the size limit, pagination, the order terms
 * flow, the event stream and the OpenAPI document.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiTest {
  private static final DropwizardAppExtension<TradeLedgerConfiguration> APP =
      new DropwizardAppExtension<>(
          TestApplication.class,
          ResourceHelpers.resourceFilePath("test-config.yml"),
          TestApplication.checkpointsIn(TestApplication.temporaryDirectory()));
  private static final String WRITER = "Bearer writer-key";
  private static final String READER = "Bearer reader-key";
  private static final String ORDER =
      """
      {"orderId":"o-1","sellerMsp":"ExporterMSP",\
      "lines":[{"hsCode":"851712","description":"Mobile phones","quantity":500,"unit":"H87"}],\
      "incoterm":"CIF","incotermPlace":"SEGOT","origin":"CNSZX","destination":"SEGOT",\
      "requestedDeliveryDate":"2026-06-30",\
      "totalValue":{"amount":12500000,"currency":"EUR"},\
      "milestones":[{"milestoneId":"all","shareBasisPoints":10000,"trigger":"DELIVERY","daysDue":10}],\
      "terms":{"linePrices":[{"line":1,"unitPrice":{"amount":25000,"currency":"EUR"}}],\
      "discountBasisPoints":250,"clauses":["Seller warrants 24 months"]}}""";

  /** A plain JAX-RS client: no connection pool to exhaust with unread responses. */
  private static final jakarta.ws.rs.client.Client CLIENT =
      jakarta.ws.rs.client.ClientBuilder.newClient();

  private final FakeLedgerPort ledger = TestApplication.LEDGER;
  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeEach
  void reset() {
    ledger.reset();
  }

  private Invocation.Builder request(String path, String authorization) {
    var builder = CLIENT.target("http://127.0.0.1:" + APP.getLocalPort()).path(path).request();
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  private JsonNode problem(Response response) throws Exception {
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    return mapper.readTree(response.readEntity(String.class));
  }

  @Test
  void missing_or_wrong_keys_get_401_and_touch_no_ledger() throws Exception {
    Response missing = request("/orders/o-1", null).get();
    Response wrong = request("/orders/o-1", "Bearer nope").get();

    assertThat(missing.getStatus()).isEqualTo(401);
    assertThat(problem(missing).path("code").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(wrong.getStatus()).isEqualTo(401);
    assertThat(wrong.getHeaderString("WWW-Authenticate")).startsWith("Bearer realm=");
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void a_reader_reads_but_may_not_write() throws Exception {
    ledger.answer("{\"orderId\":\"o-1\"}");
    Response read = request("/orders/o-1", READER).get();
    assertThat(read.getStatus()).isEqualTo(200);
    assertThat(read.readEntity(String.class)).isEqualTo("{\"orderId\":\"o-1\"}");
    assertThat(ledger.last().fabricUser()).isEqualTo("User2");
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("orders:GetOrder");
    assertThat(ledger.last().call().arguments()).containsExactly("o-1");

    Response write = request("/orders/o-1/cancel", READER).post(Entity.json("{\"reason\":\"x\"}"));

    assertThat(write.getStatus()).isEqualTo(403);
    assertThat(problem(write).path("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(ledger.calls).hasSize(1);
  }

  @Test
  void each_user_acts_as_its_own_fabric_identity() {
    request("/orders/o-1/cancel", WRITER).post(Entity.json("{\"reason\":\"Changed mind\"}"));

    assertThat(ledger.last().fabricUser()).isEqualTo("User1");
    assertThat(ledger.last().submitted()).isTrue();
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("orders:CancelOrder");
    assertThat(ledger.last().call().arguments())
        .containsExactly("{\"orderId\":\"o-1\",\"reason\":\"Changed mind\"}");
  }

  @Test
  void actions_without_a_body_need_no_content_type() {
    Response response = request("/orders/o-1/milestones/deposit/confirmation", WRITER).post(null);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("payments:ConfirmPayment");
    assertThat(ledger.last().call().arguments())
        .containsExactly("{\"orderId\":\"o-1\",\"milestoneId\":\"deposit\"}");
  }

  @Test
  void contract_codes_map_to_statuses_with_problem_bodies() throws Exception {
    Object[][] cases = {
      {"ORDER_NOT_FOUND", 404},
      {"INVALID_INPUT", 422},
      {"ACCESS_DENIED", 403},
      {"ROLE_REQUIRED", 403},
      {"ORDER_CONFLICT", 409},
      {"ORDER_INVALID_TRANSITION", 409},
      {"MILESTONE_NOT_DUE", 409},
      {"ENDORSEMENT_POLICY_FAILURE", 409},
      {"POLICY_COVER_INSUFFICIENT", 422},
    };
    for (Object[] expected : cases) {
      ledger.fail(new LedgerRejection((String) expected[0], "because", "tx42", null));
      Response response = request("/orders/o-1/complete", WRITER).post(Entity.json(""));
      JsonNode body = problem(response);
      assertThat(response.getStatus()).as((String) expected[0]).isEqualTo(expected[1]);
      assertThat(body.path("code").asText()).isEqualTo(expected[0]);
      assertThat(body.path("detail").asText()).isEqualTo("because");
      assertThat(body.path("txId").asText()).isEqualTo("tx42");
      assertThat(body.path("status").asInt()).isEqualTo(expected[1]);
    }
  }

  @Test
  void an_unreachable_peer_is_503_and_an_unknown_outcome_504_with_its_transaction()
      throws Exception {
    ledger.fail(new LedgerUnavailable("the peer is unreachable", null, null));
    Response unavailable = request("/orders/o-1", READER).get();
    assertThat(unavailable.getStatus()).isEqualTo(503);
    assertThat(problem(unavailable).path("code").asText()).isEqualTo("PEER_UNAVAILABLE");

    ledger.fail(new OutcomeUnknown("tx77", null));
    Response unknown = request("/orders/o-1/complete", WRITER).post(Entity.json(""));
    assertThat(unknown.getStatus()).isEqualTo(504);
    JsonNode body = problem(unknown);
    assertThat(body.path("code").asText()).isEqualTo("OUTCOME_UNKNOWN");
    assertThat(body.path("txId").asText()).isEqualTo("tx77");
  }

  @Test
  void json_is_parsed_strictly() throws Exception {
    String[] bad = {
      "{\"reason\":\"x\",\"extra\":1}", "{\"reason\":\"x\"", "{\"reason\":\"x\",\"reason\":\"y\"}",
    };
    for (String body : bad) {
      Response response = request("/orders/o-1/cancel", WRITER).post(Entity.json(body));
      assertThat(response.getStatus()).as(body).isEqualTo(400);
      assertThat(problem(response).path("code").asText()).isEqualTo("INVALID_JSON");
    }
    Response badEnum =
        request("/orders", WRITER).post(Entity.json(ORDER.replace("\"CIF\"", "\"CNF\"")));
    assertThat(badEnum.getStatus()).isEqualTo(400);
    Response fraction =
        request("/orders", WRITER)
            .post(Entity.json(ORDER.replace("\"quantity\":500", "\"quantity\":1.5")));
    assertThat(fraction.getStatus()).isEqualTo(400);
    Response quoted =
        request("/orders", WRITER)
            .post(Entity.json(ORDER.replace("\"quantity\":500", "\"quantity\":\"500\"")));
    assertThat(quoted.getStatus()).isEqualTo(400);
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void a_body_that_breaks_a_contract_rule_is_refused_with_the_contract_s_own_message()
      throws Exception {
    Response response =
        request("/orders", WRITER)
            .post(Entity.json(ORDER.replace("\"unit\":\"H87\"", "\"unit\":\"XYZ\"")));

    assertThat(response.getStatus()).isEqualTo(422);
    JsonNode problem = problem(response);
    assertThat(problem.path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(problem.path("detail").asText())
        .isEqualTo("lines[0].unit must be a UN/ECE Recommendation 20 unit code such as KGM or H87");
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void a_missing_body_is_invalid_input() throws Exception {
    Response reject = request("/orders/o-1/reject", WRITER).post(Entity.json(""));
    Response accept = request("/orders/o-1/accept", WRITER).post(Entity.json(""));

    assertThat(reject.getStatus()).isEqualTo(422);
    assertThat(problem(reject).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(accept.getStatus()).isEqualTo(422);
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void oversized_bodies_get_413() throws Exception {
    String reason = "x".repeat(5_000);
    Response response =
        request("/orders/o-1/cancel", WRITER).post(Entity.json("{\"reason\":\"" + reason + "\"}"));

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(problem(response).path("code").asText()).isEqualTo("BODY_TOO_LARGE");
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void listings_turn_fabric_bookmarks_into_opaque_cursors() throws Exception {
    String bookmark = "\u0000party-order\u0000ImporterMSP\u0000o-3\u0000";
    ledger.answer(
        "{\"bookmark\":"
            + mapper.writeValueAsString(bookmark)
            + ",\"records\":[{\"orderId\":\"o-1\"}]}");

    JsonNode first = mapper.readTree(request("/orders", READER).get(String.class));
    assertThat(ledger.last().call().arguments()).containsExactly("20", "");
    String cursor = first.path("nextCursor").asText();
    assertThat(first.path("records").get(0).path("orderId").asText()).isEqualTo("o-1");
    assertThat(first.has("bookmark")).isFalse();
    assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
        .isEqualTo(bookmark);

    ledger.answer("{\"records\":[]}");
    JsonNode last =
        mapper.readTree(
            CLIENT
                .target("http://127.0.0.1:" + APP.getLocalPort())
                .path("/orders")
                .queryParam("pageSize", 2)
                .queryParam("cursor", cursor)
                .request()
                .header("Authorization", READER)
                .get(String.class));
    assertThat(ledger.last().call().arguments()).containsExactly("2", bookmark);
    assertThat(last.has("nextCursor")).isFalse();
  }

  @Test
  void proposing_an_order_hashes_salted_terms_and_stores_them_privately() throws Exception {
    ledger.answer("{\"orderId\":\"o-1\",\"status\":\"PROPOSED\"}");

    Response response = request("/orders", WRITER).post(Entity.json(ORDER));

    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode body = mapper.readTree(response.readEntity(String.class));
    assertThat(body.path("order").path("status").asText()).isEqualTo("PROPOSED");
    String salt = body.path("terms").path("salt").asText();
    assertThat(salt).matches("[A-Za-z0-9_-]{43}");
    String canonical =
        "{\"clauses\":[\"Seller warrants 24 months\"],\"discountBasisPoints\":250,"
            + "\"linePrices\":[{\"line\":1,\"unitPrice\":{\"amount\":25000,\"currency\":\"EUR\"}}],"
            + "\"salt\":\""
            + salt
            + "\"}";
    String hash = CanonicalTerms.sha256(canonical.getBytes(StandardCharsets.UTF_8));
    assertThat(body.path("termsHash").asText()).isEqualTo(hash);
    assertThat(ledger.calls).hasSize(2);
    var propose = ledger.calls.get(0).call();
    assertThat(propose.qualifiedName()).isEqualTo("orders:ProposeOrder");
    assertThat(propose.arguments().get(0))
        .contains("\"termsHash\":\"" + hash + "\"")
        .doesNotContain("linePrices");
    assertThat(propose.transientData()).isEmpty();
    var store = ledger.calls.get(1).call();
    assertThat(store.qualifiedName()).isEqualTo("orders:StoreOrderTerms");
    assertThat(store.arguments()).containsExactly("o-1");
    assertThat(store.ownOrganizationOnly()).isTrue();
    assertThat(new String(store.transientData().get("terms"), StandardCharsets.UTF_8))
        .isEqualTo(canonical);
  }

  @Test
  void a_repeated_proposal_reuses_the_first_salt_and_returns_the_order() throws Exception {
    String storedTerms =
        "{\"clauses\":[\"Seller warrants 24 months\"],\"discountBasisPoints\":250,"
            + "\"linePrices\":[{\"line\":1,\"unitPrice\":{\"amount\":25000,\"currency\":\"EUR\"}}],"
            + "\"salt\":\"first-attempt-salt-0123456789abcdef\"}";
    String firstHash = CanonicalTerms.sha256(storedTerms.getBytes(StandardCharsets.UTF_8));
    ledger.answer(
        call -> {
          if (call.transaction().equals("GetOrderTerms")) {
            return storedTerms;
          }
          if (call.arguments().get(0).contains(firstHash)) {
            return "{\"orderId\":\"o-1\",\"status\":\"PROPOSED\"}";
          }
          throw new LedgerRejection(
              "ORDER_CONFLICT", "order o-1 exists with different content", "tx1", null);
        });

    Response response = request("/orders", WRITER).post(Entity.json(ORDER));

    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode body = mapper.readTree(response.readEntity(String.class));
    assertThat(body.path("termsHash").asText()).isEqualTo(firstHash);
    assertThat(body.path("terms").path("salt").asText())
        .isEqualTo("first-attempt-salt-0123456789abcdef");
    assertThat(ledger.calls)
        .extracting(r -> r.call().transaction())
        .containsExactly("ProposeOrder", "GetOrderTerms", "ProposeOrder");
  }

  @Test
  void a_client_may_choose_the_salt_so_that_any_retry_is_safe() throws Exception {
    String salt = "client-chosen-salt-0123456789abcdefgh";
    ledger.answer("{\"orderId\":\"o-1\",\"status\":\"PROPOSED\"}");

    Response response =
        request("/orders", WRITER)
            .post(
                Entity.json(
                    ORDER.replace("\"clauses\":[", "\"salt\":\"" + salt + "\",\"clauses\":[")));

    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode body = mapper.readTree(response.readEntity(String.class));
    assertThat(body.path("terms").path("salt").asText()).isEqualTo(salt);
    assertThat(
            new String(ledger.last().call().transientData().get("terms"), StandardCharsets.UTF_8))
        .endsWith("\"salt\":\"" + salt + "\"}");
  }

  @Test
  void a_proposal_with_other_terms_under_a_used_id_conflicts() throws Exception {
    ledger.answer(
        call -> {
          if (call.transaction().equals("GetOrderTerms")) {
            return "{\"clauses\":[],\"discountBasisPoints\":0,\"linePrices\":[{\"line\":1,"
                + "\"unitPrice\":{\"amount\":1,\"currency\":\"EUR\"}}],\"salt\":\"s\"}";
          }
          throw new LedgerRejection(
              "ORDER_CONFLICT", "order o-1 exists with different content", "tx1", null);
        });

    Response response = request("/orders", WRITER).post(Entity.json(ORDER));

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(problem(response).path("code").asText()).isEqualTo("ORDER_CONFLICT");
  }

  @Test
  void accepting_stores_the_sellers_copy_before_accepting() {
    String terms =
        "{\"salt\":\"0123456789abcdef0123456789abcdef\",\"linePrices\":[{\"line\":1,"
            + "\"unitPrice\":{\"amount\":25000,\"currency\":\"EUR\"}}],\"discountBasisPoints\":250}";

    Response response = request("/orders/o-1/accept", WRITER).post(Entity.json(terms));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeaderString("X-Transaction-Id")).isEqualTo("tx2");
    assertThat(ledger.calls)
        .extracting(r -> r.call().qualifiedName())
        .containsExactly("orders:StoreOrderTerms", "orders:AcceptOrder");
    assertThat(
            new String(
                ledger.calls.get(0).call().transientData().get("terms"), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"clauses\":[],\"discountBasisPoints\":250,\"linePrices\":[{\"line\":1,"
                + "\"unitPrice\":{\"amount\":25000,\"currency\":\"EUR\"}}],"
                + "\"salt\":\"0123456789abcdef0123456789abcdef\"}");
  }

  @Test
  void the_incoterms_place_and_who_contracts_the_carriage_reach_the_contract() throws Exception {
    ledger.answer("{\"orderId\":\"o-1\",\"status\":\"PROPOSED\"}");
    String fob =
        ORDER.replace(
            "\"incoterm\":\"CIF\",\"incotermPlace\":\"SEGOT\"",
            "\"incoterm\":\"FOB\",\"incotermPlace\":\"CNYTN\",\"sellerContractsCarriage\":true");

    Response response = request("/orders", WRITER).post(Entity.json(fob));

    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode proposal = mapper.readTree(ledger.calls.get(0).call().arguments().get(0));
    assertThat(proposal.path("incotermPlace").asText()).isEqualTo("CNYTN");
    assertThat(proposal.path("sellerContractsCarriage").asBoolean()).isTrue();
  }

  @Test
  void an_inland_waterway_booking_and_a_policy_naming_its_beneficiaries_reach_the_contract()
      throws Exception {
    ledger.answer("{\"shipmentId\":\"s-1\"}");
    Response booked =
        request("/shipments", WRITER)
            .post(
                Entity.json(
                    "{\"shipmentId\":\"s-1\",\"orderId\":\"o-1\",\"carrierMsp\":\"CarrierMSP\","
                        + "\"mode\":\"INLAND_WATERWAY\",\"transportDocumentNumber\":\"B-1\","
                        + "\"portOfLoading\":\"DEDUI\",\"portOfDischarge\":\"NLRTM\","
                        + "\"plannedDeparture\":\"2026-04-01\",\"plannedArrival\":\"2026-04-03\","
                        + "\"lines\":[{\"line\":1,\"quantity\":500}]}"));
    assertThat(booked.getStatus()).isEqualTo(201);
    assertThat(ledger.last().call().arguments().get(0)).contains("\"mode\":\"INLAND_WATERWAY\"");

    ledger.answer("{\"policyId\":\"p-1\"}");
    Response issued =
        request("/policies", WRITER)
            .post(
                Entity.json(
                    "{\"policyId\":\"p-1\",\"shipmentId\":\"s-1\",\"insuredMsp\":\"ExporterMSP\","
                        + "\"beneficiaryMsps\":[\"ImporterMSP\"],"
                        + "\"coverAmount\":{\"amount\":13750000,\"currency\":\"EUR\"},"
                        + "\"clauses\":\"ICC_C\",\"attachesFromShipment\":true,"
                        + "\"certificateHash\":\""
                        + "c".repeat(64)
                        + "\"}"));

    assertThat(issued.getStatus()).isEqualTo(201);
    JsonNode policy = mapper.readTree(ledger.last().call().arguments().get(0));
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("insurance:IssuePolicy");
    assertThat(policy.path("beneficiaryMsps").get(0).asText()).isEqualTo("ImporterMSP");
    assertThat(policy.path("attachesFromShipment").asBoolean()).isTrue();
  }

  @Test
  void customs_mandates_are_granted_revoked_and_read_by_msp_id() {
    ledger.answer("{\"active\":true}");
    Response granted = request("/customs-mandates/BrokerMSP", WRITER).put(Entity.json(""));
    assertThat(granted.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("customs:GrantCustomsMandate");
    assertThat(ledger.last().call().arguments()).containsExactly("BrokerMSP");

    ledger.answer("{\"active\":false}");
    Response revoked = request("/customs-mandates/BrokerMSP", WRITER).delete();
    assertThat(revoked.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("customs:RevokeCustomsMandate");

    ledger.answer("{\"active\":false}");
    Response read = request("/customs-mandates/ImporterMSP/BrokerMSP", READER).get();
    assertThat(read.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("customs:GetCustomsMandate");
    assertThat(ledger.last().call().arguments()).containsExactly("ImporterMSP", "BrokerMSP");
  }

  @Test
  void a_batch_of_events_is_one_transaction_naming_the_shipment() throws Exception {
    String event =
        "{\"eventId\":\"00000000-0000-4000-8000-000000000001\",\"eventType\":\"TRANSPORT\","
            + "\"eventCode\":\"DEPARTED\",\"eventClassifier\":\"ACTUAL\",\"location\":\"CNYTN\","
            + "\"eventDateTime\":\"2026-04-01T10:00:00Z\"}";

    Response response =
        request("/shipments/s-1/events/batch", WRITER)
            .post(
                Entity.json("{\"events\":[" + event + "," + event.replace("0001", "0002") + "]}"));

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(ledger.calls).hasSize(1);
    JsonNode batch = mapper.readTree(ledger.last().call().arguments().get(0));
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("shipments:RecordShipmentEvents");
    assertThat(batch.path("shipmentId").asText()).isEqualTo("s-1");
    assertThat(batch.path("events")).hasSize(2);
    assertThat(batch.path("events").get(1).path("shipmentId").asText()).isEqualTo("s-1");
  }

  @Test
  void a_booking_carries_its_line_quantities_and_an_event_its_container_state() throws Exception {
    String booking =
        "{\"shipmentId\":\"s-1\",\"orderId\":\"o-1\",\"carrierMsp\":\"CarrierMSP\","
            + "\"mode\":\"SEA\",\"transportDocumentNumber\":\"MAEU123456789\","
            + "\"containers\":[\"CSQU3054383\"],\"portOfLoading\":\"CNYTN\","
            + "\"portOfDischarge\":\"SEGOT\",\"plannedDeparture\":\"2026-04-01\","
            + "\"plannedArrival\":\"2026-05-10\",\"lines\":[{\"line\":1,\"quantity\":300}]}";
    String gatedOut =
        "{\"eventId\":\"00000000-0000-4000-8000-000000000001\",\"eventType\":\"EQUIPMENT\","
            + "\"eventCode\":\"GATED_OUT\",\"eventClassifier\":\"ACTUAL\",\"location\":\"SEGOT\","
            + "\"eventDateTime\":\"2026-05-10T10:00:00Z\",\"equipmentReference\":\"CSQU3054383\","
            + "\"emptyIndicatorCode\":\"LADEN\"}";

    assertThat(request("/shipments", WRITER).post(Entity.json(booking)).getStatus()).isEqualTo(201);
    JsonNode booked = mapper.readTree(ledger.last().call().arguments().get(0));
    assertThat(request("/shipments/s-1/events", WRITER).post(Entity.json(gatedOut)).getStatus())
        .isEqualTo(201);
    JsonNode event = mapper.readTree(ledger.last().call().arguments().get(0));
    Response unknownState =
        request("/shipments/s-1/events", WRITER)
            .post(Entity.json(gatedOut.replace("LADEN", "FULL")));

    assertThat(booked.path("lines").toString()).isEqualTo("[{\"line\":1,\"quantity\":300}]");
    assertThat(event.path("emptyIndicatorCode").asText()).isEqualTo("LADEN");
    assertThat(unknownState.getStatus()).isEqualTo(400);
  }

  @Test
  void an_uploaded_document_is_anchored_by_its_sha256() {
    byte[] file = "invoice 42".getBytes(StandardCharsets.UTF_8);

    Response response =
        CLIENT
            .target("http://127.0.0.1:" + APP.getLocalPort())
            .path("/documents")
            .queryParam("documentId", "inv-1")
            .queryParam("documentType", "COMMERCIAL_INVOICE")
            .queryParam("orderId", "o-1")
            .request()
            .header("Authorization", WRITER)
            .post(Entity.entity(file, MediaType.APPLICATION_OCTET_STREAM_TYPE));

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("documents:AnchorDocument");
    assertThat(ledger.last().call().arguments().get(0))
        .contains("\"sha256\":\"" + CanonicalTerms.sha256(file) + "\"")
        .contains("\"documentType\":\"COMMERCIAL_INVOICE\"");
  }

  @Test
  void a_chunked_body_is_cut_off_at_the_limit() throws Exception {
    HttpURLConnection connection =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/orders/o-1/cancel")
                .toURL()
                .openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setChunkedStreamingMode(512);
    connection.setRequestProperty("Authorization", WRITER);
    connection.setRequestProperty("Content-Type", MediaType.APPLICATION_JSON);
    try (OutputStream body = connection.getOutputStream()) {
      body.write(("{\"reason\":\"" + "x".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    assertThat(connection.getResponseCode()).isEqualTo(413);
    assertThat(connection.getContentType()).isEqualTo(Problem.MEDIA_TYPE);
    try (InputStream error = connection.getErrorStream()) {
      assertThat(mapper.readTree(error).path("code").asText()).isEqualTo("BODY_TOO_LARGE");
    }
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void the_contract_judges_the_page_size() throws Exception {
    ledger.fail(new LedgerRejection("INVALID_INPUT", "pageSize must be 1 to 100", null, null));

    Response response =
        CLIENT
            .target("http://127.0.0.1:" + APP.getLocalPort())
            .path("/shipments")
            .queryParam("pageSize", "many")
            .request()
            .header("Authorization", READER)
            .get();

    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(problem(response).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("shipments:ListShipments");
    assertThat(ledger.last().call().arguments()).containsExactly("many", "");
  }

  @Test
  void a_cursor_this_service_did_not_issue_is_refused() throws Exception {
    Response bad =
        CLIENT
            .target("http://127.0.0.1:" + APP.getLocalPort())
            .path("/orders")
            .queryParam("cursor", "not*base64")
            .request()
            .header("Authorization", READER)
            .get();

    assertThat(bad.getStatus()).isEqualTo(422);
    assertThat(problem(bad).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void the_terms_are_read_on_the_organizations_own_peer() {
    ledger.answer("{\"salt\":\"s\"}");

    Response response = request("/orders/o-1/terms", READER).get();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("orders:GetOrderTerms");
    assertThat(ledger.last().call().ownOrganizationOnly()).isTrue();
    assertThat(ledger.last().submitted()).isFalse();
  }

  @Test
  void a_repeated_proposal_of_an_order_that_moved_on_stores_no_terms() throws Exception {
    String salt = "client-chosen-salt-0123456789abcdefgh";
    ledger.answer("{\"orderId\":\"o-1\",\"status\":\"ACCEPTED\"}");

    Response response =
        request("/orders", WRITER)
            .post(
                Entity.json(
                    ORDER.replace("\"clauses\":[", "\"salt\":\"" + salt + "\",\"clauses\":[")));

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(
            mapper
                .readTree(response.readEntity(String.class))
                .path("order")
                .path("status")
                .asText())
        .isEqualTo("ACCEPTED");
    assertThat(ledger.calls)
        .extracting(r -> r.call().transaction())
        .containsExactly("ProposeOrder");
  }

  @Test
  void the_founding_members_are_registered_as_one_array() throws Exception {
    String members =
        "[{\"mspId\":\"ImporterMSP\",\"legalName\":\"Nordic Imports AB\",\"country\":\"SE\","
            + "\"roles\":[\"IMPORTER\"]},{\"mspId\":\"ExporterMSP\",\"legalName\":\"Shenzhen"
            + " Export Co\",\"country\":\"CN\",\"roles\":[\"EXPORTER\"]}]";

    Response response = request("/participants", WRITER).post(Entity.json(members));

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(ledger.last().call().qualifiedName())
        .isEqualTo("participants:RegisterFoundingMembers");
    assertThat(mapper.readTree(ledger.last().call().arguments().get(0)))
        .isEqualTo(mapper.readTree(members));
    Response badRole =
        request("/participants", WRITER).post(Entity.json(members.replace("EXPORTER", "TRADER")));
    assertThat(badRole.getStatus()).isEqualTo(400);
  }

  @Test
  void a_document_uploaded_as_a_form_is_anchored_and_verified_by_its_sha256() throws Exception {
    byte[] file = "bill of lading 7".getBytes(StandardCharsets.UTF_8);
    Client multipart = ClientBuilder.newClient().register(MultiPartFeature.class);
    try (FormDataMultiPart form =
            new FormDataMultiPart()
                .field("documentId", "bl-7")
                .field("documentType", "BILL_OF_LADING")
                .field("shipmentId", "s-1");
        FormDataMultiPart verification = new FormDataMultiPart()) {
      form.bodyPart(new StreamDataBodyPart("file", new ByteArrayInputStream(file)));
      verification.bodyPart(new StreamDataBodyPart("file", new ByteArrayInputStream(file)));
      var documents = multipart.target("http://127.0.0.1:" + APP.getLocalPort()).path("/documents");

      Response anchored =
          documents
              .request()
              .header("Authorization", WRITER)
              .post(Entity.entity(form, form.getMediaType()));
      assertThat(anchored.getStatus()).isEqualTo(201);
      JsonNode anchor = mapper.readTree(ledger.last().call().arguments().get(0));
      assertThat(anchor.path("sha256").asText()).isEqualTo(CanonicalTerms.sha256(file));
      assertThat(anchor.path("shipmentId").asText()).isEqualTo("s-1");
      assertThat(anchor.has("orderId")).isFalse();

      Response verified =
          documents
              .path("verification")
              .request()
              .header("Authorization", READER)
              .post(Entity.entity(verification, verification.getMediaType()));
      assertThat(verified.getStatus()).isEqualTo(200);
      assertThat(ledger.last().call().qualifiedName()).isEqualTo("documents:VerifyDocument");
      assertThat(ledger.last().call().arguments()).containsExactly(CanonicalTerms.sha256(file));
    } finally {
      multipart.close();
    }
  }

  @Test
  void a_form_without_its_file_or_with_an_unknown_document_type_is_refused() throws Exception {
    Client multipart = ClientBuilder.newClient().register(MultiPartFeature.class);
    try (FormDataMultiPart noFile =
            new FormDataMultiPart().field("documentId", "bl-7").field("documentType", "OTHER");
        FormDataMultiPart badType =
            new FormDataMultiPart().field("documentId", "bl-7").field("documentType", "RECEIPT")) {
      badType.bodyPart(new StreamDataBodyPart("file", new ByteArrayInputStream(new byte[] {1})));
      var documents = multipart.target("http://127.0.0.1:" + APP.getLocalPort()).path("/documents");

      Response missing =
          documents
              .request()
              .header("Authorization", WRITER)
              .post(Entity.entity(noFile, noFile.getMediaType()));
      Response unknown =
          documents
              .request()
              .header("Authorization", WRITER)
              .post(Entity.entity(badType, badType.getMediaType()));

      assertThat(missing.getStatus()).isEqualTo(422);
      assertThat(problem(missing).path("code").asText()).isEqualTo("INVALID_INPUT");
      assertThat(unknown.getStatus()).isEqualTo(400);
      assertThat(unknown.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
      assertThat(ledger.calls).isEmpty();
    } finally {
      multipart.close();
    }
  }

  @Test
  void an_unknown_code_or_malformed_contract_json_is_a_bad_gateway() throws Exception {
    ledger.fail(
        new LedgerRejection("SOMETHING_NEW", "a code this service does not know", "tx9", null));
    Response unknown = request("/orders/o-1/complete", WRITER).post(Entity.json(""));
    assertThat(unknown.getStatus()).isEqualTo(502);
    assertThat(problem(unknown).path("code").asText()).isEqualTo("SOMETHING_NEW");

    ledger.answer("not json");
    Response malformed = request("/orders", READER).get();
    assertThat(malformed.getStatus()).isEqualTo(502);
    assertThat(problem(malformed).path("code").asText()).isEqualTo("LEDGER_ERROR");
  }

  @Test
  void ledger_calls_and_failures_are_measured_on_the_admin_port() throws Exception {
    request("/orders/o-1", READER).get().close();
    ledger.fail(new LedgerRejection("ORDER_NOT_FOUND", "no order o-2", null, null));
    request("/orders/o-2", READER).get().close();

    JsonNode metrics =
        mapper.readTree(
            CLIENT
                .target("http://127.0.0.1:" + APP.getAdminPort())
                .path("/metrics")
                .request()
                .get(String.class));

    assertThat(
            metrics.path("timers").path("ledger.evaluate.orders:GetOrder").path("count").asLong())
        .isGreaterThanOrEqualTo(2);
    assertThat(
            metrics.path("meters").path("ledger.failures.ORDER_NOT_FOUND").path("count").asLong())
        .isGreaterThanOrEqualTo(1);
    assertThat(metrics.path("gauges").has("events.open-streams")).isTrue();
  }

  @Test
  void a_last_event_id_this_service_did_not_issue_is_refused() throws Exception {
    Response response =
        request("/events", READER)
            .accept(MediaType.SERVER_SENT_EVENTS)
            .header("Last-Event-ID", "yesterday")
            .get();

    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(problem(response).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(ledger.streams).isEmpty();
  }

  @Test
  void history_requests_name_the_record() throws Exception {
    CLIENT
        .target("http://127.0.0.1:" + APP.getLocalPort())
        .path("/history/MILESTONE/deposit")
        .queryParam("parentId", "o-1")
        .request()
        .header("Authorization", READER)
        .get()
        .close();
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("ledger:GetHistory");
    assertThat(ledger.last().call().arguments())
        .containsExactly("{\"recordType\":\"MILESTONE\",\"id\":\"deposit\",\"parentId\":\"o-1\"}");
    Response unknownType = request("/history/CAR/x", READER).get();
    assertThat(unknownType.getStatus()).isEqualTo(400);
    assertThat(unknownType.getMediaType().toString()).isEqualTo("application/problem+json");
  }

  @Test
  void the_event_stream_sends_chaincode_events_and_resumes_after_last_event_id() {
    ledger.events(
        List.of(
            new LedgerEvent(
                5,
                "aa01",
                "OrderProposed",
                "{\"type\":\"OrderProposed\"}".getBytes(StandardCharsets.UTF_8)),
            new LedgerEvent(
                6,
                "bb02",
                "OrderAccepted",
                "{\"type\":\"OrderAccepted\"}".getBytes(StandardCharsets.UTF_8))));

    String all = request("/events", READER).accept(MediaType.SERVER_SENT_EVENTS).get(String.class);
    String resumed =
        request("/events", READER)
            .accept(MediaType.SERVER_SENT_EVENTS)
            .header("Last-Event-ID", "5-aa01")
            .get(String.class);

    assertThat(all)
        .contains("event: OrderProposed\nid: 5-aa01\ndata: {\"type\":\"OrderProposed\"}")
        .contains("id: 6-bb02");
    assertThat(resumed).doesNotContain("5-aa01").contains("event: OrderAccepted\nid: 6-bb02");
    assertThat(ledger.streams.get(1).after).contains(new EventPosition(5, "aa01"));
  }

  @Test
  void the_openapi_document_lists_every_route_jersey_serves_with_its_problems() throws Exception {
    JsonNode document = mapper.readTree(request("/openapi.json", null).get(String.class));

    Set<String> served = new TreeSet<>();
    ServletContainer jersey = (ServletContainer) APP.getEnvironment().getJerseyServletContainer();
    for (Resource resource :
        jersey
            .getApplicationHandler()
            .getInjectionManager()
            .getInstance(ExtendedResourceContext.class)
            .getResourceModel()
            .getRootResources()) {
      if (!resource.getHandlerClasses().contains(OpenApiResource.class)) {
        routes("", resource, served);
      }
    }
    Set<String> documented = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          documented.add(
                              operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                          JsonNode responses = operation.getValue().path("responses");
                          assertThat(responses.has("200") || responses.has("201"))
                              .as(path.getKey())
                              .isTrue();
                          assertThat(responses.path("401").path("content").has(Problem.MEDIA_TYPE))
                              .as(path.getKey())
                              .isTrue();
                        }));

    assertThat(served).hasSizeGreaterThan(40);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    JsonNode propose = document.path("paths").path("/orders").path("post").path("responses");
    assertThat(propose.has("409")).isTrue();
    assertThat(
            propose
                .path("201")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .endsWith("ProposedOrder");
    assertThat(
            document
                .path("paths")
                .path("/orders/{orderId}")
                .path("get")
                .path("responses")
                .has("409"))
        .isFalse();
    assertThat(
            document
                .path("paths")
                .path("/orders")
                .path("post")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .endsWith("/ProposeOrder");
    assertThat(
            document
                .path("paths")
                .path("/documents")
                .path("post")
                .path("requestBody")
                .path("content")
                .properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(
            "application/json", "application/octet-stream", "multipart/form-data");
    assertThat(document.path("components").path("schemas").has("ApiUser"))
        .as("the caller is no request body")
        .isFalse();
    assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
    assertThat(document.path("components").path("securitySchemes").has("apiKey")).isTrue();
  }

  /** Every "METHOD /path" of a Jersey resource and its sub-resources. */
  private static void routes(String parent, Resource resource, Set<String> routes) {
    String path = (parent + "/" + resource.getPath()).replaceAll("/+", "/");
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    for (ResourceMethod method : resource.getResourceMethods()) {
      if (!method.isExtended()) {
        routes.add(method.getHttpMethod() + " " + path);
      }
    }
    for (Resource child : resource.getChildResources()) {
      routes(path, child, routes);
    }
  }

  @Test
  void the_admin_health_check_reports_the_peer() throws Exception {
    ledger.reachable = false;
    Response unhealthy =
        CLIENT
            .target("http://127.0.0.1:" + APP.getAdminPort())
            .path("/healthcheck")
            .request()
            .get();
    assertThat(unhealthy.getStatus()).isEqualTo(500);
    assertThat(unhealthy.readEntity(String.class)).contains("unreachable");
    ledger.reachable = true;
    Response healthy =
        CLIENT
            .target("http://127.0.0.1:" + APP.getAdminPort())
            .path("/healthcheck")
            .request()
            .get();
    assertThat(healthy.getStatus()).isEqualTo(200);
  }
}
