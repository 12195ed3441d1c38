package io.tradeledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtension;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;

/**
 * The whole application on free ports with a test's own fake ledger behind it, started before each
 * test and stopped after it (as an instance field of a test class extended with {@code
 * DropwizardExtensionsSupport}), and requests to it over HTTP as its API users:
 *
 * <pre>{@code
 * private final FakeLedgerPort ledger = new FakeLedgerPort();
 * private final TestApi api = new TestApi(ledger);
 * }</pre>
 */
final class TestApi implements DropwizardExtension {
  static final String WRITER = "Bearer writer-key";
  static final String READER = "Bearer reader-key";

  /** Reads what the application answers; the application's own mapper is what is tested. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** An order proposal with its confidential terms, as a client sends it. */
  static final String ORDER =
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
  private static final Client CLIENT = ClientBuilder.newClient();

  private final DropwizardAppExtension<TradeLedgerConfiguration> app;

  TestApi(FakeLedgerPort ledger, ConfigOverride... overrides) {
    this.app = TestApplication.app(ledger, overrides);
  }

  @Override
  public void before() throws Exception {
    app.before();
  }

  @Override
  public void after() {
    app.after();
  }

  int port() {
    return app.getLocalPort();
  }

  Environment environment() {
    return app.getEnvironment();
  }

  /** The application's address; known once it has started. */
  String uri() {
    return "http://127.0.0.1:" + app.getLocalPort();
  }

  WebTarget target() {
    return CLIENT.target(uri());
  }

  WebTarget admin() {
    return CLIENT.target("http://127.0.0.1:" + app.getAdminPort());
  }

  Invocation.Builder request(String path, String authorization) {
    var builder = target().path(path).request();
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  /** The problem document of a failed response. */
  JsonNode problem(Response response) throws Exception {
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    return MAPPER.readTree(response.readEntity(String.class));
  }
}
