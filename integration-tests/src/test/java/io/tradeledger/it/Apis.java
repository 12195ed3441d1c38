package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The five client-apis that {@code network.sh up} starts, as an HTTP client sees them: each
 * organization's URL and the API keys {@code up} generated for a writer and a reader of each
 * organization (read from {@code api-keys.env}, never printed).
 */
public final class Apis {
  /** The roles {@code up} generates one key for, per organization. */
  public enum Role {
    WRITER,
    READER
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final NetworkSettings settings;
  private final Map<String, String> keys;

  private Apis(NetworkSettings settings, Map<String, String> keys) {
    this.settings = settings;
    this.keys = keys;
  }

  /** The APIs of the running test network, with the keys from its data directory. */
  public static Apis of(NetworkSettings settings) {
    Properties file = new Properties();
    try (var reader = Files.newBufferedReader(keysFile(settings))) {
      file.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Apis(
        settings,
        file.stringPropertyNames().stream()
            .collect(Collectors.toUnmodifiableMap(name -> name, file::getProperty)));
  }

  static Path keysFile(NetworkSettings settings) {
    return settings.dataDirectory().resolve("api-keys.env");
  }

  /** Every key in the file, by its variable name (e.g. {@code IMPORTER_WRITER_KEY}). */
  public Map<String, String> keys() {
    return keys;
  }

  public String key(Organization org, Role role) {
    String name = org.directory().toUpperCase(Locale.ROOT) + "_" + role + "_KEY";
    String key = keys.get(name);
    if (key == null) {
      throw new IllegalStateException("no " + name + " in " + keysFile(settings));
    }
    return key;
  }

  public URI url(Organization org) {
    return URI.create("http://127.0.0.1:" + settings.ports().api(org));
  }

  /**
   * A request to {@code path} of the organization's API, with the key when it is not null. It waits
   * longer than the API's own request deadline (60 s), so that the API, not this client, ends a
   * slow submission and says how.
   */
  public HttpRequest.Builder request(Organization org, String path, String key) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(url(org).resolve(path)).timeout(Duration.ofSeconds(90));
    return key == null ? builder : builder.header("Authorization", "Bearer " + key);
  }

  public HttpResponse<String> get(Organization org, String path, String key) {
    return send(request(org, path, key).GET().build());
  }

  /** A POST of a JSON body (a record is written by {@link Json}; a String is sent as it is). */
  public HttpResponse<String> post(Organization org, String path, String key, Object body) {
    String json = body instanceof String text ? text : Json.write(body);
    return send(
        request(org, path, key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A POST without a body. */
  public HttpResponse<String> post(Organization org, String path, String key) {
    return send(request(org, path, key).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  public static HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a request whose body is read as {@code body} says, e.g. as a stream while it arrives. */
  public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return HTTP.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The header in which a write names its committed transaction. */
  public static final String TRANSACTION_ID = "X-Transaction-Id";

  /** The response's JSON body, once its status is {@code status} (else fails with the body). */
  public static JsonNode expect(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as("%s %s answered %s", response.request().method(), response.uri(), response.body())
        .isEqualTo(status);
    return json(response);
  }

  /** The committed transaction a write names in its {@link #TRANSACTION_ID} header. */
  public static String transactionId(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue(TRANSACTION_ID)
        .orElseThrow(() -> new AssertionError("no " + TRANSACTION_ID + " on " + response.uri()));
  }

  /**
   * The problem of a refused request, once it is {@code application/problem+json} with this status
   * and stable code (else fails with the body).
   */
  public static JsonNode problem(HttpResponse<String> response, int status, String code) {
    JsonNode problem = expect(response, status);
    assertThat(response.headers().firstValue("Content-Type"))
        .as("the media type of %s", response.body())
        .hasValue("application/problem+json");
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).as(response.body()).isEqualTo(code);
    return problem;
  }

  /** The body of a response as JSON. */
  /** What {@code path} answers to a READER of {@code org}, as JSON (a problem body included). */
  public JsonNode read(Organization org, String path) {
    return json(get(org, path, key(org, Role.READER)));
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }
}
