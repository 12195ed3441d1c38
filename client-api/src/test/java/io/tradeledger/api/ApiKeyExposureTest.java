package io.tradeledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API keys travel only in the Authorization header: a key in the URL authenticates nothing, and
 * neither the request log nor the application log nor a problem body carries it. The request log
 * goes to a file here, as an operator would configure it, and the application logs at INFO.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiKeyExposureTest {
  private static final String WRITER_KEY = TestApi.WRITER.substring("Bearer ".length());

  private final Path requestLog = TestApplication.temporaryDirectory().resolve("requests.log");
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api =
      new TestApi(
          ledger,
          ConfigOverride.config("logging.level", "INFO"),
          ConfigOverride.config("server.requestLog.appenders[0].type", "file"),
          ConfigOverride.config(
              "server.requestLog.appenders[0].currentLogFilename", requestLog.toString()),
          ConfigOverride.config("server.requestLog.appenders[0].archive", "false"));

  @Test
  void a_valid_key_in_the_url_is_refused_and_never_logged() throws Exception {
    try (LogCapture log = LogCapture.start()) {
      Response alone = get("/orders/o-1?access_token=" + WRITER_KEY, null);
      Response withHeader = get("/orders?pageSize=5&access_token=" + WRITER_KEY, TestApi.WRITER);
      Response otherName = get("/orders/o-2?api_key=" + WRITER_KEY, null);

      assertThat(alone.getStatus()).isEqualTo(401);
      assertThat(alone.getHeaderString("WWW-Authenticate")).startsWith("Bearer realm=");
      String problem = api.problem(alone).toString();
      assertThat(problem).contains("UNAUTHENTICATED").doesNotContain(WRITER_KEY);
      assertThat(withHeader.getStatus()).isEqualTo(401);
      assertThat(api.problem(withHeader).toString()).doesNotContain(WRITER_KEY);
      assertThat(otherName.getStatus()).isEqualTo(401);
      assertThat(ledger.calls).isEmpty();

      String requests = awaitLines(3);
      assertThat(requests)
          .contains("GET /orders/o-1?access_token=REDACTED")
          .contains("GET /orders?pageSize=5&access_token=REDACTED")
          .contains("GET /orders/o-2?api_key=REDACTED")
          .doesNotContain(WRITER_KEY);
      assertThat(log.text()).doesNotContain(WRITER_KEY);
      String metrics = api.admin().path("/metrics").request().get(String.class);
      assertThat(metrics).doesNotContain(WRITER_KEY);
    }
  }

  @Test
  void the_header_still_authenticates() {
    ledger.answer("{\"orderId\":\"o-1\"}");

    assertThat(get("/orders/o-1", TestApi.WRITER).getStatus()).isEqualTo(200);
    assertThat(get("/orders/o-1", "bearer " + WRITER_KEY).getStatus()).isEqualTo(200);
    assertThat(get("/orders/o-1", "Basic " + WRITER_KEY).getStatus()).isEqualTo(401);
    assertThat(get("/orders/o-1", "Bearer").getStatus()).isEqualTo(401);
  }

  private Response get(String pathAndQuery, String authorization) {
    var request =
        jakarta.ws.rs.client.ClientBuilder.newClient().target(api.uri() + pathAndQuery).request();
    return authorization == null
        ? request.get()
        : request.header("Authorization", authorization).get();
  }

  /** The request log once it holds {@code lines} lines (it is written asynchronously). */
  private String awaitLines(int lines) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    String text = "";
    while (Instant.now().isBefore(deadline)) {
      text = Files.exists(requestLog) ? Files.readString(requestLog) : "";
      if (text.lines().count() >= lines) {
        return text;
      }
      Thread.sleep(50);
    }
    return text;
  }
}
