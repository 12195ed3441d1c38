package io.tradeledger.api;

import static io.tradeledger.api.TestApi.MAPPER;
import static io.tradeledger.api.TestApi.ORDER;
import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import io.tradeledger.api.ledger.LedgerRejection;
import io.tradeledger.api.ledger.OutcomeUnknown;
import io.tradeledger.api.service.CanonicalTerms;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Orders over HTTP: the order terms flow (salted, hashed, stored privately), milestones, and the
 * order listing's cursors. Every test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OrderResourceTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void proposing_an_order_hashes_salted_terms_and_stores_them_privately() throws Exception {
    ledger.answer("{\"orderId\":\"o-1\",\"status\":\"PROPOSED\"}");

    Response response = api.request("/orders", WRITER).post(Entity.json(ORDER));

    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode body = MAPPER.readTree(response.readEntity(String.class));
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

    Response response = api.request("/orders", WRITER).post(Entity.json(ORDER));

    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode body = MAPPER.readTree(response.readEntity(String.class));
    assertThat(body.path("termsHash").asText()).isEqualTo(firstHash);
    assertThat(body.path("terms").path("salt").asText())
        .isEqualTo("first-attempt-salt-0123456789abcdef");
    assertThat(ledger.calls)
        .extracting(r -> r.call().transaction())
        .containsExactly("ProposeOrder", "GetOrderTerms", "ProposeOrder");
  }

  @Test
  void a_proposal_whose_terms_could_not_be_stored_is_completed_by_a_plain_retry() throws Exception {
    List<String> proposedHashes = new CopyOnWriteArrayList<>();
    AtomicInteger stores = new AtomicInteger();
    ledger.answer(
        call ->
            switch (call.transaction()) {
              case "ProposeOrder" -> {
                String hash = termsHash(call.arguments().get(0));
                proposedHashes.add(hash);
                if (!hash.equals(proposedHashes.get(0))) {
                  throw new LedgerRejection(
                      "ORDER_CONFLICT", "order o-1 exists with different content", "tx", null);
                }
                yield "{\"orderId\":\"o-1\",\"status\":\"PROPOSED\"}";
              }
              case "StoreOrderTerms" -> {
                if (stores.incrementAndGet() == 1) {
                  throw new OutcomeUnknown("tx-lost", null);
                }
                yield "{\"orderId\":\"o-1\"}";
              }
              default ->
                  throw new LedgerRejection(
                      "TERMS_NOT_STORED", "ImporterMSP has not stored the terms", null, null);
            });

    Response first = api.request("/orders", WRITER).post(Entity.json(ORDER));
    Response retried = api.request("/orders", WRITER).post(Entity.json(ORDER));

    assertThat(first.getStatus()).isEqualTo(504);
    assertThat(retried.getStatus()).isEqualTo(201);
    JsonNode body = MAPPER.readTree(retried.readEntity(String.class));
    // The proposal committed the first time: its result is remembered, not proposed again.
    assertThat(proposedHashes).containsExactly(body.path("termsHash").asText());
    assertThat(ledger.calls)
        .extracting(r -> r.call().transaction())
        .containsExactly("ProposeOrder", "StoreOrderTerms", "StoreOrderTerms");
    assertThat(ledger.calls.get(1).call().transientData().get("terms"))
        .isEqualTo(ledger.calls.get(2).call().transientData().get("terms"));
  }

  @Test
  void a_retried_proposal_hashes_alike_after_a_restart_of_the_service() throws Exception {
    Path directory = TestApplication.temporaryDirectory();
    List<String> hashes = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      FakeLedgerPort restarted = new FakeLedgerPort();
      restarted.answer("{\"orderId\":\"o-1\",\"status\":\"PROPOSED\"}");
      DropwizardTestSupport<TradeLedgerConfiguration> service =
          TestApplication.service(restarted, directory);
      service.before();
      try {
        Response response =
            ClientBuilder.newClient()
                .target("http://127.0.0.1:" + service.getLocalPort() + "/orders")
                .request()
                .header("Authorization", WRITER)
                .post(Entity.json(ORDER));
        assertThat(response.getStatus()).isEqualTo(201);
        hashes.add(MAPPER.readTree(response.readEntity(String.class)).path("termsHash").asText());
      } finally {
        service.after();
      }
    }

    assertThat(hashes.get(1)).isEqualTo(hashes.get(0));
    assertThat(hashes.get(0)).isNotEqualTo(proposedHash(TestApplication.temporaryDirectory()));
  }

  /** The termsHash that a service with its secret in {@code directory} proposes ORDER with. */
  private static String proposedHash(Path directory) throws Exception {
    FakeLedgerPort other = new FakeLedgerPort();
    other.answer("{\"orderId\":\"o-1\",\"status\":\"PROPOSED\"}");
    DropwizardTestSupport<TradeLedgerConfiguration> service =
        TestApplication.service(other, directory);
    service.before();
    try {
      Response response =
          ClientBuilder.newClient()
              .target("http://127.0.0.1:" + service.getLocalPort() + "/orders")
              .request()
              .header("Authorization", WRITER)
              .post(Entity.json(ORDER));
      return MAPPER.readTree(response.readEntity(String.class)).path("termsHash").asText();
    } finally {
      service.after();
    }
  }

  private static String termsHash(String proposalJson) {
    try {
      return MAPPER.readTree(proposalJson).path("termsHash").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_client_may_choose_the_salt_so_that_any_retry_is_safe() throws Exception {
    String salt = "client-chosen-salt-0123456789abcdefgh";
    ledger.answer("{\"orderId\":\"o-1\",\"status\":\"PROPOSED\"}");

    Response response = proposeWithSalt(salt);

    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode body = MAPPER.readTree(response.readEntity(String.class));
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

    Response response = api.request("/orders", WRITER).post(Entity.json(ORDER));

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(api.problem(response).path("code").asText()).isEqualTo("ORDER_CONFLICT");
  }

  @Test
  void a_repeated_proposal_of_an_order_that_moved_on_stores_no_terms() throws Exception {
    String salt = "client-chosen-salt-0123456789abcdefgh";
    ledger.answer("{\"orderId\":\"o-1\",\"status\":\"ACCEPTED\"}");

    Response response = proposeWithSalt(salt);

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(
            MAPPER
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
  void accepting_stores_the_sellers_copy_before_accepting() {
    String terms =
        "{\"salt\":\"0123456789abcdef0123456789abcdef\",\"linePrices\":[{\"line\":1,"
            + "\"unitPrice\":{\"amount\":25000,\"currency\":\"EUR\"}}],\"discountBasisPoints\":250}";

    Response response = api.request("/orders/o-1/accept", WRITER).post(Entity.json(terms));

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

    Response response = api.request("/orders", WRITER).post(Entity.json(fob));

    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode proposal = MAPPER.readTree(ledger.calls.get(0).call().arguments().get(0));
    assertThat(proposal.path("incotermPlace").asText()).isEqualTo("CNYTN");
    assertThat(proposal.path("sellerContractsCarriage").asBoolean()).isTrue();
  }

  @Test
  void the_terms_are_read_on_the_organizations_own_peer() {
    ledger.answer("{\"salt\":\"s\"}");

    Response response = api.request("/orders/o-1/terms", READER).get();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("orders:GetOrderTerms");
    assertThat(ledger.last().call().ownOrganizationOnly()).isTrue();
    assertThat(ledger.last().submitted()).isFalse();
  }

  @Test
  void actions_without_a_body_need_no_content_type() {
    Response response =
        api.request("/orders/o-1/milestones/deposit/confirmation", WRITER).post(null);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("payments:ConfirmPayment");
    assertThat(ledger.last().call().arguments())
        .containsExactly("{\"orderId\":\"o-1\",\"milestoneId\":\"deposit\"}");
  }

  @Test
  void listings_turn_fabric_bookmarks_into_opaque_cursors() throws Exception {
    String bookmark = "\u0000party-order\u0000ImporterMSP\u0000o-3\u0000";
    ledger.answer(
        "{\"bookmark\":"
            + MAPPER.writeValueAsString(bookmark)
            + ",\"records\":[{\"orderId\":\"o-1\"}]}");

    JsonNode first = MAPPER.readTree(api.request("/orders", READER).get(String.class));
    assertThat(ledger.last().call().arguments()).containsExactly("20", "");
    String cursor = first.path("nextCursor").asText();
    assertThat(first.path("records").get(0).path("orderId").asText()).isEqualTo("o-1");
    assertThat(first.has("bookmark")).isFalse();
    assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
        .isEqualTo(bookmark);

    ledger.answer("{\"records\":[]}");
    JsonNode last =
        MAPPER.readTree(
            api.target()
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
  void a_status_filter_reads_on_until_the_page_is_full_and_never_holds_more() throws Exception {
    // The contract's pages: o-1 (ACCEPTED), o-2 (PROPOSED) | o-3 (ACCEPTED) | o-4 (ACCEPTED).
    ledger.answer(
        call ->
            switch (call.arguments().get(1)) {
              case "" ->
                  "{\"bookmark\":\"b2\",\"records\":[{\"orderId\":\"o-1\",\"status\":\"ACCEPTED\"},"
                      + "{\"orderId\":\"o-2\",\"status\":\"PROPOSED\"}]}";
              case "b2" ->
                  "{\"bookmark\":\"b3\",\"records\":[{\"orderId\":\"o-3\",\"status\":\"ACCEPTED\"}]}";
              default -> "{\"records\":[{\"orderId\":\"o-4\",\"status\":\"ACCEPTED\"}]}";
            });

    JsonNode page =
        MAPPER.readTree(
            api.target()
                .path("/orders")
                .queryParam("pageSize", 2)
                .queryParam("status", "ACCEPTED")
                .request()
                .header("Authorization", READER)
                .get(String.class));

    assertThat(page.path("records").findValuesAsText("orderId")).containsExactly("o-1", "o-3");
    assertThat(ledger.calls).hasSize(2);
    assertThat(ledger.calls.get(1).call().arguments()).containsExactly("1", "b2");
    String cursor = page.path("nextCursor").asText();
    assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
        .isEqualTo("b3");
    JsonNode proposed =
        MAPPER.readTree(
            api.target()
                .path("/orders")
                .queryParam("status", "PROPOSED")
                .queryParam("cursor", cursor)
                .request()
                .header("Authorization", READER)
                .get(String.class));
    assertThat(proposed.path("records")).isEmpty();
    assertThat(proposed.has("nextCursor")).isFalse();
  }

  @Test
  void an_unknown_status_is_a_bad_request_and_reads_nothing() throws Exception {
    Response bad =
        api.target()
            .path("/orders")
            .queryParam("status", "SHIPPED")
            .request()
            .header("Authorization", READER)
            .get();

    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(api.problem(bad).path("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void a_cursor_this_service_did_not_issue_is_refused() throws Exception {
    Response bad =
        api.target()
            .path("/orders")
            .queryParam("cursor", "not*base64")
            .request()
            .header("Authorization", READER)
            .get();

    assertThat(bad.getStatus()).isEqualTo(422);
    assertThat(api.problem(bad).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(ledger.calls).isEmpty();
  }

  /** Proposes {@link TestApi#ORDER} with terms salted by the client. */
  private Response proposeWithSalt(String salt) {
    return api.request("/orders", WRITER)
        .post(
            Entity.json(ORDER.replace("\"clauses\":[", "\"salt\":\"" + salt + "\",\"clauses\":[")));
  }
}
