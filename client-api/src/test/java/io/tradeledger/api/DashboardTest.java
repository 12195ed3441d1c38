package io.tradeledger.api;

import static io.tradeledger.api.TestApi.MAPPER;
import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tradeledger.api.filters.SecurityHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web dashboard the service serves: public static files under /dashboard/ with a self-only
 * Content-Security-Policy, the root redirecting to them, and {@code GET /me}, from which the page
 * learns who signed in. Every API call still needs the key.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void me_names_the_api_user_its_role_and_its_organization() throws Exception {
    Response writer = api.request("/me", WRITER).get();
    Response reader = api.request("/me", READER).get();

    assertThat(writer.getStatus()).isEqualTo(200);
    assertThat(MAPPER.readTree(writer.readEntity(String.class)))
        .isEqualTo(
            MAPPER.readTree(
                "{\"user\":\"alice\",\"role\":\"WRITER\",\"organization\":\"ImporterMSP\"}"));
    JsonNode readerBody = MAPPER.readTree(reader.readEntity(String.class));
    assertThat(readerBody.get("user").asText()).isEqualTo("bob");
    assertThat(readerBody.get("role").asText()).isEqualTo("READER");
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void me_without_a_key_is_unauthenticated() throws Exception {
    Response response = api.request("/me", null).get();

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(api.problem(response).get("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void the_dashboard_is_public_and_confined_to_its_own_origin() {
    for (String path : List.of("/dashboard/", "/dashboard/js/app.js", "/dashboard/style.css")) {
      Response response = api.request(path, null).get();

      assertThat(response.getStatus()).as(path).isEqualTo(200);
      assertThat(response.getHeaderString("Content-Security-Policy"))
          .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
          .contains("default-src 'self'")
          .doesNotContain("unsafe-inline")
          .doesNotContain("http");
      assertThat(response.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    assertThat(api.request("/dashboard/", null).get().getMediaType().toString())
        .startsWith("text/html");
    assertThat(api.request("/dashboard/js/app.js", null).get().getMediaType().toString())
        .startsWith("text/javascript");
  }

  @Test
  void the_root_opens_the_dashboard() {
    Response response =
        api.target().path("/").property(ClientProperties.FOLLOW_REDIRECTS, false).request().get();

    assertThat(response.getStatus()).isEqualTo(303);
    assertThat(response.getLocation().getPath()).isEqualTo("/dashboard/");
  }

  @Test
  void a_missing_asset_is_a_problem_and_the_api_still_needs_its_key() throws Exception {
    Response missing = api.request("/dashboard/no-such-file.js", null).get();
    Response orders = api.request("/orders", null).get();

    assertThat(missing.getStatus()).isEqualTo(404);
    assertThat(missing.getHeaderString("Content-Security-Policy")).isNotNull();
    assertThat(api.problem(missing).get("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(orders.getStatus()).isEqualTo(401);
    assertThat(orders.getHeaderString("Content-Security-Policy")).isNotNull();
  }
}
