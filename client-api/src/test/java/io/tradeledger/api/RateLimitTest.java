package io.tradeledger.api;

import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-key rate limit over HTTP: two requests at once, then one every two seconds. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api =
      new TestApi(
          ledger,
          ConfigOverride.config("rateLimit.requestsPerSecond", "0.5"),
          ConfigOverride.config("rateLimit.burst", "2"));

  @Test
  void a_key_over_its_limit_gets_429_with_retry_after_and_other_keys_do_not() throws Exception {
    assertThat(api.request("/participants", WRITER).get().getStatus()).isEqualTo(200);
    assertThat(api.request("/participants", WRITER).get().getStatus()).isEqualTo(200);

    Response limited = api.request("/participants", WRITER).get();
    Response otherKey = api.request("/participants", READER).get();

    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(Integer.parseInt(limited.getHeaderString("Retry-After"))).isBetween(1, 2);
    assertThat(api.problem(limited).path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(ledger.calls).hasSize(3);
    assertThat(otherKey.getStatus()).isEqualTo(200);
  }

  @Test
  void requests_without_a_valid_key_are_unauthenticated_not_limited() {
    for (int request = 0; request < 4; request++) {
      assertThat(api.request("/participants", "Bearer wrong").get().getStatus()).isEqualTo(401);
    }
  }
}
