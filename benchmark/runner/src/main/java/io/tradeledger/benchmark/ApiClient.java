package io.tradeledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * client-api over HTTP, as any client reaches it: the organization's URL and an API key in the
 * Authorization header. A response other than 2xx is a failure carrying the problem's code.
 */
final class ApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final Network network;
  private final HttpClient http;

  ApiClient(Network network) {
    this.network = network;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A failed request: its status and the problem's {@code code}, if any. */
  static final class ApiFailure extends Exception {
    ApiFailure(String message) {
      super(message);
    }
  }

  String get(Organization organization, Network.Role role, String path)
      throws ApiFailure, IOException, InterruptedException {
    return send(request(organization, role, path).GET().build());
  }

  /** A POST of a JSON body: a record (written as the contract writes it) or a JSON tree. */
  String post(Organization organization, Network.Role role, String path, Object body)
      throws ApiFailure, IOException, InterruptedException {
    return send(
        request(organization, role, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .build());
  }

  /** A POST without a body. */
  String post(Organization organization, Network.Role role, String path)
      throws ApiFailure, IOException, InterruptedException {
    return send(
        request(organization, role, path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpRequest.Builder request(Organization organization, Network.Role role, String path) {
    URI base = network.api(organization);
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + network.key(organization, role));
  }

  private String send(HttpRequest request) throws ApiFailure, IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new ApiFailure(
          request.method()
              + " "
              + request.uri().getPath()
              + ": "
              + response.statusCode()
              + " "
              + problemCode(response.body()));
    }
    return response.body();
  }

  private static String problemCode(String body) {
    try {
      JsonNode problem = Json.read(body);
      return problem.path("code").asText("") + " " + problem.path("detail").asText("");
    } catch (IllegalArgumentException notJson) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }
}
