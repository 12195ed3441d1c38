package io.tradeledger.api;

import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tradeledger.api.ledger.ChaincodeErrors;
import io.tradeledger.api.ledger.LedgerRejection;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every error is a problem, whoever produces it: Jetty refusing a request it cannot parse, a method
 * no resource takes, the admin port, a request without the file it needs, and an answer of the
 * ledger that the service does not know. Requests the HTTP client would not send go over a socket.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ServerErrorsTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  /** A raw HTTP answer: status, headers by lower-case name, body. */
  private record Raw(int status, Map<String, String> headers, String body) {
    JsonNode problem() throws Exception {
      assertThat(headers.get("content-type")).as(body).isEqualTo("application/problem+json");
      return TestApi.MAPPER.readTree(body);
    }
  }

  private static Raw send(int port, String head) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
  }

  private Raw send(String head) throws Exception {
    return send(api.port(), head);
  }

  @Test
  void requests_jetty_cannot_parse_get_problems_not_html_pages() throws Exception {
    Raw badEncoding = send("GET /%zz HTTP/1.1\r\nHost: x\r\n");
    Raw ambiguous = send("GET /orders/a%2Fb HTTP/1.1\r\nHost: x\r\n");
    Raw noHost = send("GET /participants HTTP/1.1\r\n");
    Raw badLength = send("GET /participants HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n");
    Raw bigHeader =
        send("GET /participants HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n");

    for (Raw raw : new Raw[] {badEncoding, ambiguous, noHost, badLength}) {
      assertThat(raw.status()).isEqualTo(400);
      assertThat(raw.problem().path("code").asText()).isEqualTo("INVALID_REQUEST");
      assertThat(raw.problem().path("detail").asText()).doesNotContain("<");
    }
    assertThat(bigHeader.status()).isEqualTo(431);
    assertThat(bigHeader.problem().path("code").asText()).isEqualTo("HEADERS_TOO_LARGE");
  }

  @Test
  void a_method_a_path_does_not_take_is_405_with_allow_and_an_unknown_method_501()
      throws Exception {
    Raw trace = send("TRACE /participants HTTP/1.1\r\nHost: x\r\n");
    Raw delete =
        send("DELETE /participants HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer writer-key\r\n");
    Raw invented = send("FOO /participants HTTP/1.1\r\nHost: x\r\n");

    for (Raw raw : new Raw[] {trace, delete}) {
      assertThat(raw.status()).isEqualTo(405);
      assertThat(raw.headers().get("allow")).contains("GET").contains("POST");
      assertThat(raw.problem().path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
      assertThat(raw.problem().path("detail").asText()).doesNotStartWith("HTTP 405");
    }
    assertThat(invented.status()).isEqualTo(501);
    assertThat(invented.problem().path("code").asText()).isEqualTo("NOT_IMPLEMENTED");
  }

  @Test
  void the_admin_port_answers_problems_too() throws Exception {
    int admin = URI.create(api.admin().getUri().toString()).getPort();

    Raw missing = send(admin, "GET /nothing HTTP/1.1\r\nHost: x\r\n");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.problem().path("code").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void a_verification_or_an_upload_without_a_file_is_refused() throws Exception {
    Response empty =
        api.request("/documents/verification", READER)
            .post(Entity.entity(new byte[0], MediaType.APPLICATION_OCTET_STREAM));
    Raw noBody =
        send(
            "POST /documents/verification HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer reader-key\r\n"
                + "Content-Length: 0\r\n");
    Response emptyUpload =
        api.target()
            .path("/documents")
            .queryParam("documentId", "d-1")
            .queryParam("documentType", "OTHER")
            .queryParam("orderId", "o-1")
            .request()
            .header("Authorization", WRITER)
            .post(Entity.entity(new byte[0], MediaType.APPLICATION_OCTET_STREAM));

    assertThat(empty.getStatus()).isEqualTo(422);
    assertThat(api.problem(empty).path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(noBody.status()).isEqualTo(422);
    assertThat(noBody.problem().path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(emptyUpload.getStatus()).isEqualTo(422);
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void the_raw_text_of_an_answer_the_service_does_not_know_stays_out_of_the_problem()
      throws Exception {
    String raw = "failed precondition\nchaincode response 500, panic: runtime error at 0x1f";
    ledger.fail(new LedgerRejection("LEDGER_ERROR", raw, "tx9", null));

    Response response = api.request("/orders/o-1", READER).get();

    assertThat(response.getStatus()).isEqualTo(502);
    JsonNode problem = api.problem(response);
    assertThat(problem.path("code").asText()).isEqualTo("LEDGER_ERROR");
    assertThat(problem.path("detail").asText()).doesNotContain("chaincode").doesNotContain("panic");
    assertThat(problem.path("txId").asText()).isEqualTo("tx9");
  }

  @Test
  void a_contract_code_keeps_only_its_own_message_when_several_peers_refuse() {
    String gateway =
        "10 ABORTED: failed to endorse transaction, see attached details for more info\n"
            + "chaincode response 500, ORDER_NOT_FOUND: no order o-1\n"
            + "chaincode response 500, ORDER_NOT_FOUND: no order o-1";

    assertThat(ChaincodeErrors.parse(gateway))
        .contains(new ChaincodeErrors.Coded("ORDER_NOT_FOUND", "no order o-1"));
  }
}
