package io.tradeledger.api;

import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentication and roles over HTTP: API keys, the reader and writer roles, and the Fabric
 * identity each user acts as. Every test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthenticationTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void missing_or_wrong_keys_get_401_and_touch_no_ledger() throws Exception {
    Response missing = api.request("/orders/o-1", null).get();
    Response wrong = api.request("/orders/o-1", "Bearer nope").get();

    assertThat(missing.getStatus()).isEqualTo(401);
    assertThat(api.problem(missing).path("code").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(wrong.getStatus()).isEqualTo(401);
    assertThat(wrong.getHeaderString("WWW-Authenticate")).startsWith("Bearer realm=");
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void a_reader_reads_but_may_not_write() throws Exception {
    ledger.answer("{\"orderId\":\"o-1\"}");
    Response read = api.request("/orders/o-1", READER).get();
    assertThat(read.getStatus()).isEqualTo(200);
    assertThat(read.readEntity(String.class)).isEqualTo("{\"orderId\":\"o-1\"}");
    assertThat(ledger.last().fabricUser()).isEqualTo("User2");
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("orders:GetOrder");
    assertThat(ledger.last().call().arguments()).containsExactly("o-1");

    Response write =
        api.request("/orders/o-1/cancel", READER).post(Entity.json("{\"reason\":\"x\"}"));

    assertThat(write.getStatus()).isEqualTo(403);
    assertThat(api.problem(write).path("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(ledger.calls).hasSize(1);
  }

  @Test
  void each_user_acts_as_its_own_fabric_identity() {
    api.request("/orders/o-1/cancel", WRITER).post(Entity.json("{\"reason\":\"Changed mind\"}"));

    assertThat(ledger.last().fabricUser()).isEqualTo("User1");
    assertThat(ledger.last().submitted()).isTrue();
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("orders:CancelOrder");
    assertThat(ledger.last().call().arguments())
        .containsExactly("{\"orderId\":\"o-1\",\"reason\":\"Changed mind\"}");
  }
}
