package io.tradeledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/**
 * client-api over HTTP, as any client reaches it: the organization's URL and an API key in the
 * Authorization header. A response other than 2xx is a failure carrying the problem's code.
 *
 * <p>The client is the JDK's HttpURLConnection: blocking, each worker's connection kept alive. It
 * costs this machine's two cores, which the peer and the API share with it, about half the CPU per
 * request of java.net.http's HttpClient (benchmark/README.md), whose every call passes through its
 * selector and executor threads.
 */
final class ApiClient {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int READ_TIMEOUT_MILLIS = 90_000;

  static {
    // Keep a connection alive per worker (the JDK keeps 5 unless told), and never send a POST a
    // second time on its own when a kept-alive connection fails: that could record an event twice.
    System.setProperty("http.maxConnections", "1024");
    System.setProperty("sun.net.http.retryPost", "false");
  }

  private final Network network;

  ApiClient(Network network) {
    this.network = network;
  }

  /** A failed request: its status and the problem's {@code code}, if any. */
  static final class ApiFailure extends Exception {
    ApiFailure(String message) {
      super(message);
    }
  }

  String get(Organization organization, Network.Role role, String path)
      throws ApiFailure, IOException {
    return send("GET", organization, role, path, null);
  }

  /** A POST of a JSON body: a record (written as the contract writes it) or a JSON tree. */
  String post(Organization organization, Network.Role role, String path, Object body)
      throws ApiFailure, IOException {
    return send(
        "POST", organization, role, path, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** A POST without a body. */
  String post(Organization organization, Network.Role role, String path)
      throws ApiFailure, IOException {
    return send("POST", organization, role, path, new byte[0]);
  }

  private String send(
      String method, Organization organization, Network.Role role, String path, byte[] body)
      throws ApiFailure, IOException {
    HttpURLConnection connection =
        (HttpURLConnection) network.api(organization).resolve(path).toURL().openConnection();
    connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
    connection.setReadTimeout(READ_TIMEOUT_MILLIS);
    connection.setRequestMethod(method);
    connection.setRequestProperty("Authorization", "Bearer " + network.key(organization, role));
    if (body != null) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length);
      if (body.length > 0) {
        connection.setRequestProperty("Content-Type", "application/json");
      }
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
    }
    int status = connection.getResponseCode();
    String answer;
    // Read to the end, so that the connection goes back to be used again.
    try (InputStream in =
        status / 100 == 2 ? connection.getInputStream() : connection.getErrorStream()) {
      answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (status / 100 != 2) {
      throw new ApiFailure(method + " " + path + ": " + status + " " + problemCode(answer));
    }
    return answer;
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
