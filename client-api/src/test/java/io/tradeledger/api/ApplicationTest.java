package io.tradeledger.api;

import static io.tradeledger.api.TestApi.MAPPER;
import static io.tradeledger.api.TestApi.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.tradeledger.api.errors.Problem;
import io.tradeledger.api.ledger.LedgerRejection;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application as a whole: its OpenAPI document against the routes Jersey serves, and its admin
 * port (metrics, health). Every test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApplicationTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void the_openapi_document_lists_every_route_jersey_serves_with_its_problems() throws Exception {
    JsonNode document = MAPPER.readTree(api.request("/openapi.json", null).get(String.class));

    Set<String> served = new TreeSet<>();
    ServletContainer jersey = (ServletContainer) api.environment().getJerseyServletContainer();
    for (Resource resource :
        jersey
            .getApplicationHandler()
            .getInjectionManager()
            .getInstance(ExtendedResourceContext.class)
            .getResourceModel()
            .getRootResources()) {
      if (!resource.getHandlerClasses().contains(OpenApiResource.class)) {
        routes("", resource, served);
      }
    }
    Set<String> documented = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          documented.add(
                              operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                          JsonNode responses = operation.getValue().path("responses");
                          assertThat(responses.has("200") || responses.has("201"))
                              .as(path.getKey())
                              .isTrue();
                          assertThat(responses.path("401").path("content").has(Problem.MEDIA_TYPE))
                              .as(path.getKey())
                              .isTrue();
                        }));

    assertThat(served).hasSizeGreaterThan(40);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    JsonNode propose = document.path("paths").path("/orders").path("post").path("responses");
    assertThat(propose.has("409")).isTrue();
    assertThat(
            propose
                .path("201")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .endsWith("ProposedOrder");
    assertThat(
            document
                .path("paths")
                .path("/orders/{orderId}")
                .path("get")
                .path("responses")
                .has("409"))
        .isFalse();
    assertThat(
            document
                .path("paths")
                .path("/orders")
                .path("post")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .endsWith("/ProposeOrder");
    assertThat(
            document
                .path("paths")
                .path("/documents")
                .path("post")
                .path("requestBody")
                .path("content")
                .properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(
            "application/json", "application/octet-stream", "multipart/form-data");
    assertThat(document.path("components").path("schemas").has("ApiUser"))
        .as("the caller is no request body")
        .isFalse();
    assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
    assertThat(document.path("components").path("securitySchemes").has("apiKey")).isTrue();
  }

  /** Every "METHOD /path" of a Jersey resource and its sub-resources. */
  private static void routes(String parent, Resource resource, Set<String> routes) {
    String path = (parent + "/" + resource.getPath()).replaceAll("/+", "/");
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    for (ResourceMethod method : resource.getResourceMethods()) {
      if (!method.isExtended()) {
        routes.add(method.getHttpMethod() + " " + path);
      }
    }
    for (Resource child : resource.getChildResources()) {
      routes(path, child, routes);
    }
  }

  @Test
  void ledger_calls_and_failures_are_measured_on_the_admin_port() throws Exception {
    api.request("/orders/o-1", READER).get().close();
    ledger.fail(new LedgerRejection("ORDER_NOT_FOUND", "no order o-2", null, null));
    api.request("/orders/o-2", READER).get().close();

    JsonNode metrics = MAPPER.readTree(api.admin().path("/metrics").request().get(String.class));

    assertThat(
            metrics.path("timers").path("ledger.evaluate.orders:GetOrder").path("count").asLong())
        .isGreaterThanOrEqualTo(2);
    assertThat(
            metrics.path("meters").path("ledger.failures.ORDER_NOT_FOUND").path("count").asLong())
        .isGreaterThanOrEqualTo(1);
    assertThat(metrics.path("gauges").has("events.open-streams")).isTrue();
  }

  @Test
  void the_admin_health_check_reports_the_peer() throws Exception {
    ledger.reachable = false;
    Response unhealthy = api.admin().path("/healthcheck").request().get();
    assertThat(unhealthy.getStatus()).isEqualTo(500);
    assertThat(unhealthy.readEntity(String.class)).contains("unreachable");
    ledger.reachable = true;
    Response healthy = api.admin().path("/healthcheck").request().get();
    assertThat(healthy.getStatus()).isEqualTo(200);
  }
}
