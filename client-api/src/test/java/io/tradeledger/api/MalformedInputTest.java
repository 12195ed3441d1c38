package io.tradeledger.api;

import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed input of every kind is the client's mistake: a 4xx problem, never a 500 and never an
 * ERROR line in the service's log. Every test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MalformedInputTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void empty_or_non_object_order_bodies_are_client_errors() throws Exception {
    try (LogCapture log = LogCapture.start()) {
      for (String body : List.of("", " ", "null", "[]", "\"order\"", "42", "{")) {
        Response response =
            api.request("/orders", WRITER).post(Entity.entity(body, MediaType.APPLICATION_JSON));

        assertThat(response.getStatus()).as("POST /orders with '%s'", body).isBetween(400, 499);
        assertThat(api.problem(response).path("code").asText()).isNotEmpty();
      }
      for (String contentType : new String[] {null, MediaType.APPLICATION_JSON}) {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(api.uri() + "/orders"))
                .header("Authorization", WRITER)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
          request.header("Content-Type", contentType);
        }
        HttpResponse<String> response =
            HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode())
            .as("POST /orders without a body, Content-Type %s", contentType)
            .isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
      }
      // An empty chunked body, as a streaming client sends one.
      HttpURLConnection chunked =
          (HttpURLConnection) URI.create(api.uri() + "/orders").toURL().openConnection();
      chunked.setRequestMethod("POST");
      chunked.setDoOutput(true);
      chunked.setChunkedStreamingMode(0);
      chunked.setRequestProperty("Authorization", WRITER);
      chunked.setRequestProperty("Content-Type", MediaType.APPLICATION_JSON);
      chunked.getOutputStream().close();
      assertThat(chunked.getResponseCode()).as("an empty chunked body").isBetween(400, 499);
      assertThat(ledger.calls).isEmpty();
      assertThat(log.events()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    }
  }

  @Test
  void last_event_ids_beyond_a_block_number_are_client_errors() throws Exception {
    try (LogCapture log = LogCapture.start()) {
      for (String id :
          List.of(
              "9999999999999999999-aa01",
              "99999999999999999999-aa01",
              "9223372036854775808-aa01",
              "-1-aa01")) {
        Response response =
            api.target()
                .path("/events")
                .request(MediaType.SERVER_SENT_EVENTS)
                .header("Authorization", READER)
                .header("Last-Event-ID", id)
                .get();

        assertThat(response.getStatus()).as("Last-Event-ID %s", id).isEqualTo(422);
        assertThat(api.problem(response).path("code").asText()).isEqualTo("INVALID_INPUT");
      }
      assertThat(log.events()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    }
  }
}
