package io.tradeledger.api;

import static io.tradeledger.api.TestApi.MAPPER;
import static io.tradeledger.api.TestApi.ORDER;
import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tradeledger.api.errors.Problem;
import io.tradeledger.api.ledger.LedgerRejection;
import io.tradeledger.api.ledger.LedgerUnavailable;
import io.tradeledger.api.ledger.OutcomeUnknown;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How the application fails over HTTP: a problem body for every failure class, strict JSON and the
 * body size limits. Every test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProblemsTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

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
      Response response = api.request("/orders/o-1/complete", WRITER).post(Entity.json(""));
      JsonNode body = api.problem(response);
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
    Response unavailable = api.request("/orders/o-1", READER).get();
    assertThat(unavailable.getStatus()).isEqualTo(503);
    assertThat(api.problem(unavailable).path("code").asText()).isEqualTo("PEER_UNAVAILABLE");

    ledger.fail(new OutcomeUnknown("tx77", null));
    Response unknown = api.request("/orders/o-1/complete", WRITER).post(Entity.json(""));
    assertThat(unknown.getStatus()).isEqualTo(504);
    JsonNode body = api.problem(unknown);
    assertThat(body.path("code").asText()).isEqualTo("OUTCOME_UNKNOWN");
    assertThat(body.path("txId").asText()).isEqualTo("tx77");
  }

  @Test
  void an_unknown_code_or_malformed_contract_json_is_a_bad_gateway() throws Exception {
    ledger.fail(
        new LedgerRejection("SOMETHING_NEW", "a code this service does not know", "tx9", null));
    Response unknown = api.request("/orders/o-1/complete", WRITER).post(Entity.json(""));
    assertThat(unknown.getStatus()).isEqualTo(502);
    assertThat(api.problem(unknown).path("code").asText()).isEqualTo("SOMETHING_NEW");

    ledger.answer("not json");
    Response malformed = api.request("/orders", READER).get();
    assertThat(malformed.getStatus()).isEqualTo(502);
    assertThat(api.problem(malformed).path("code").asText()).isEqualTo("LEDGER_ERROR");
  }

  @Test
  void json_is_parsed_strictly() throws Exception {
    String[] bad = {
      "{\"reason\":\"x\",\"extra\":1}", "{\"reason\":\"x\"", "{\"reason\":\"x\",\"reason\":\"y\"}",
    };
    for (String body : bad) {
      Response response = api.request("/orders/o-1/cancel", WRITER).post(Entity.json(body));
      assertThat(response.getStatus()).as(body).isEqualTo(400);
      assertThat(api.problem(response).path("code").asText()).isEqualTo("INVALID_JSON");
    }
    Response badEnum =
        api.request("/orders", WRITER).post(Entity.json(ORDER.replace("\"CIF\"", "\"CNF\"")));
    assertThat(badEnum.getStatus()).isEqualTo(400);
    Response fraction =
        api.request("/orders", WRITER)
            .post(Entity.json(ORDER.replace("\"quantity\":500", "\"quantity\":1.5")));
    assertThat(fraction.getStatus()).isEqualTo(400);
    Response quoted =
        api.request("/orders", WRITER)
            .post(Entity.json(ORDER.replace("\"quantity\":500", "\"quantity\":\"500\"")));
    assertThat(quoted.getStatus()).isEqualTo(400);
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void a_body_that_breaks_a_contract_rule_is_refused_with_the_contract_s_own_message()
      throws Exception {
    Response response =
        api.request("/orders", WRITER)
            .post(Entity.json(ORDER.replace("\"unit\":\"H87\"", "\"unit\":\"XYZ\"")));

    assertThat(response.getStatus()).isEqualTo(422);
    JsonNode problem = api.problem(response);
    assertThat(problem.path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(problem.path("detail").asText())
        .isEqualTo("lines[0].unit must be a UN/ECE Recommendation 20 unit code such as KGM or H87");
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void a_missing_body_is_invalid_input() throws Exception {
    Response reject = api.request("/orders/o-1/reject", WRITER).post(Entity.json(""));
    Response accept = api.request("/orders/o-1/accept", WRITER).post(Entity.json(""));

    assertThat(reject.getStatus()).isEqualTo(422);
    assertThat(api.problem(reject).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(accept.getStatus()).isEqualTo(422);
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void oversized_bodies_get_413() throws Exception {
    String reason = "x".repeat(5_000);
    Response response =
        api.request("/orders/o-1/cancel", WRITER)
            .post(Entity.json("{\"reason\":\"" + reason + "\"}"));

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(api.problem(response).path("code").asText()).isEqualTo("BODY_TOO_LARGE");
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void a_chunked_body_is_cut_off_at_the_limit() throws Exception {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(api.uri() + "/orders/o-1/cancel").toURL().openConnection();
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
      assertThat(MAPPER.readTree(error).path("code").asText()).isEqualTo("BODY_TOO_LARGE");
    }
    assertThat(ledger.calls).isEmpty();
  }
}
