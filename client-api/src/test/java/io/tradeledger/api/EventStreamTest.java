package io.tradeledger.api;

import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import io.tradeledger.api.errors.Problem;
import io.tradeledger.api.ledger.EventPosition;
import io.tradeledger.api.ledger.LedgerEvent;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server-sent event stream over HTTP with the fake ledger behind the port: resuming from the
 * service's own checkpoint (also after a restart), heartbeats, departed clients and the stream
 * limit, and Last-Event-ID. Heartbeats are quick and streams few here (see the overrides), so
 * nothing waits long. Every test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EventStreamTest {
  private static final ConfigOverride[] STREAMS = {
    ConfigOverride.config("events.heartbeat", "100ms"),
    ConfigOverride.config("events.maxStreams", "2")
  };
  private static final List<LedgerEvent> EVENTS =
      List.of(event(5, "aa01", "OrderProposed"), event(6, "bb02", "OrderAccepted"));

  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger, STREAMS);
  private final Client client = ClientBuilder.newClient();

  private static LedgerEvent event(long block, String transactionId, String type) {
    return new LedgerEvent(
        block,
        transactionId,
        type,
        ("{\"type\":\"" + type + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  /** Held streams end before the application stops. */
  @AfterEach
  void closeClients() {
    ledger.endStreams();
    client.close();
  }

  private String stream(int port, String authorization) {
    return stream(port, authorization, null);
  }

  private String stream(int port, String authorization, String consumer) {
    var target = client.target("http://127.0.0.1:" + port).path("/events");
    return (consumer == null ? target : target.queryParam("consumer", consumer))
        .request(MediaType.SERVER_SENT_EVENTS)
        .header("Authorization", authorization)
        .get(String.class);
  }

  /**
   * Opens a stream whose body the test reads line by line. Disconnecting drops the connection;
   * closing the body instead would read the endless stream to its end.
   */
  private HttpURLConnection open(String authorization) throws Exception {
    return open(api.port(), authorization);
  }

  private static HttpURLConnection open(int port, String authorization) throws Exception {
    HttpURLConnection connection =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + port + "/events").toURL().openConnection();
    connection.setRequestProperty("Authorization", authorization);
    connection.setRequestProperty("Accept", MediaType.SERVER_SENT_EVENTS);
    connection.setReadTimeout(10_000);
    assertThat(connection.getResponseCode()).isEqualTo(200);
    return connection;
  }

  @Test
  void a_reconnection_without_last_event_id_resumes_after_the_consumers_last_event() {
    ledger.events(EVENTS);

    String first = stream(api.port(), READER, "ledger-sync");
    String again = stream(api.port(), READER, "ledger-sync");
    String otherUser = stream(api.port(), WRITER, "ledger-sync");

    assertThat(first).contains("id: 5-aa01").contains("id: 6-bb02");
    assertThat(ledger.streams.get(0).after).isEmpty();
    assertThat(ledger.streams.get(1).after).contains(new EventPosition(6, "bb02"));
    assertThat(again).doesNotContain("id: ");
    assertThat(ledger.streams.get(2).after).isEmpty();
    assertThat(otherUser).contains("id: 5-aa01");
  }

  @Test
  void two_consumers_of_one_user_do_not_skip_each_others_events() {
    ledger.events(EVENTS);

    String billing = stream(api.port(), READER, "billing");
    String tracking = stream(api.port(), READER, "tracking");
    String anonymous = stream(api.port(), READER);
    String billingAgain = stream(api.port(), READER, "billing");

    assertThat(billing).contains("id: 5-aa01").contains("id: 6-bb02");
    assertThat(tracking).contains("id: 5-aa01").contains("id: 6-bb02");
    assertThat(ledger.streams.get(2).after).isEmpty();
    assertThat(anonymous).contains("id: 5-aa01");
    assertThat(billingAgain).doesNotContain("id: ");
    assertThat(ledger.streams.get(3).after).contains(new EventPosition(6, "bb02"));
  }

  @Test
  void a_stream_without_a_consumer_keeps_no_position() {
    ledger.events(EVENTS);

    stream(api.port(), READER);
    String again = stream(api.port(), READER);

    assertThat(again).contains("id: 5-aa01").contains("id: 6-bb02");
    assertThat(ledger.streams.get(1).after).isEmpty();
  }

  @Test
  void a_consumer_name_that_is_not_an_identifier_is_refused() throws Exception {
    Response response =
        api.target()
            .path("/events")
            .queryParam("consumer", "../x")
            .request(MediaType.SERVER_SENT_EVENTS)
            .header("Authorization", READER)
            .get();

    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(api.problem(response).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(ledger.streams).isEmpty();
  }

  @Test
  void a_quiet_stream_gets_heartbeats_and_a_client_that_left_frees_its_stream() throws Exception {
    ledger.events(List.of(), true);

    HttpURLConnection stream = open(READER);
    try {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo(": keep-alive");
    } finally {
      stream.disconnect();
    }

    assertThat(ledger.streams.get(0).awaitClosed(20)).isTrue();
  }

  @Test
  void streams_beyond_the_limit_are_refused_until_one_ends() throws Exception {
    ledger.events(List.of(), true);
    HttpURLConnection first = open(READER);
    HttpURLConnection second = open(WRITER);

    String refused =
        client
            .target("http://127.0.0.1:" + api.port())
            .path("/events")
            .request(MediaType.SERVER_SENT_EVENTS)
            .header("Authorization", READER)
            .get()
            .readEntity(String.class);

    assertThat(TestApi.MAPPER.readTree(refused).path("code").asText())
        .isEqualTo("STREAMS_EXHAUSTED");
    ledger.endStreams();
    first.disconnect();
    second.disconnect();
    int status = 0;
    for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
      Thread.sleep(100);
      status =
          client
              .target("http://127.0.0.1:" + api.port())
              .path("/events")
              .request(MediaType.SERVER_SENT_EVENTS)
              .header("Authorization", READER)
              .get()
              .getStatus();
    }
    assertThat(status).isEqualTo(200);
  }

  @Test
  void the_checkpoint_survives_a_restart_of_the_service() throws Exception {
    Path checkpoints = TestApplication.temporaryDirectory();
    ledger.events(EVENTS);

    DropwizardTestSupport<TradeLedgerConfiguration> before =
        TestApplication.service(ledger, checkpoints);
    before.before();
    try {
      assertThat(stream(before.getLocalPort(), READER, "ledger-sync")).contains("id: 6-bb02");
    } finally {
      before.after();
    }
    DropwizardTestSupport<TradeLedgerConfiguration> after =
        TestApplication.service(ledger, checkpoints);
    after.before();
    try {
      assertThat(stream(after.getLocalPort(), READER, "ledger-sync")).doesNotContain("id: ");
    } finally {
      after.after();
    }

    assertThat(ledger.streams.get(1).after).isEqualTo(Optional.of(new EventPosition(6, "bb02")));
  }

  /**
   * A stop ends open streams at once: the server's graceful shutdown waits for requests in flight,
   * and a stream waiting for its next event would hold it for the whole grace period (30 s).
   */
  @Test
  void stopping_the_service_ends_open_streams_at_once() throws Exception {
    ledger.events(List.of(), true);
    DropwizardTestSupport<TradeLedgerConfiguration> service =
        TestApplication.service(ledger, TestApplication.temporaryDirectory(), STREAMS);
    service.before();
    HttpURLConnection stream = open(service.getLocalPort(), READER);
    try {
      Instant stopping = Instant.now();
      service.after();

      assertThat(Duration.between(stopping, Instant.now())).isLessThan(Duration.ofSeconds(5));
      assertThat(ledger.streams.get(0).awaitClosed(0)).isTrue();
    } finally {
      stream.disconnect();
    }
  }

  @Test
  void a_refused_stream_is_a_problem() throws Exception {
    var response =
        client
            .target("http://127.0.0.1:" + api.port())
            .path("/events")
            .request(MediaType.SERVER_SENT_EVENTS)
            .get();

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
  }

  @Test
  void a_last_event_id_this_service_did_not_issue_is_refused() throws Exception {
    Response response =
        api.request("/events", READER)
            .accept(MediaType.SERVER_SENT_EVENTS)
            .header("Last-Event-ID", "yesterday")
            .get();

    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(api.problem(response).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(ledger.streams).isEmpty();
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

    String all =
        api.request("/events", READER).accept(MediaType.SERVER_SENT_EVENTS).get(String.class);
    String resumed =
        api.request("/events", READER)
            .accept(MediaType.SERVER_SENT_EVENTS)
            .header("Last-Event-ID", "5-aa01")
            .get(String.class);

    assertThat(all)
        .contains("event: OrderProposed\nid: 5-aa01\ndata: {\"type\":\"OrderProposed\"}")
        .contains("id: 6-bb02");
    assertThat(resumed).doesNotContain("5-aa01").contains("event: OrderAccepted\nid: 6-bb02");
    assertThat(ledger.streams.get(1).after).contains(new EventPosition(5, "aa01"));
  }
}
