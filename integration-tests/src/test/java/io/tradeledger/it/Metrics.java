package io.tradeledger.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus metrics that orderers and peers serve on their operations ports: how far a
 * node's copy of the channel reaches is its {@code ledger_blockchain_height{channel="trade"}}.
 */
public final class Metrics {
  private static final Pattern HEIGHT =
      Pattern.compile(
          "^ledger_blockchain_height\\{channel=\"trade\"\\}\\s+([0-9.eE+]+)\\s*$",
          Pattern.MULTILINE);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The node's channel height, or empty when it does not answer or has not joined yet. */
  public OptionalLong blockHeight(int operationsPort) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + operationsPort + "/metrics"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return OptionalLong.empty();
      }
      Matcher matcher = HEIGHT.matcher(response.body());
      return matcher.find()
          ? OptionalLong.of((long) Double.parseDouble(matcher.group(1)))
          : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  /** Whether the node answers {@code /healthz} with 200. */
  public boolean healthy(int operationsPort) {
    try {
      return client
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + operationsPort + "/healthz"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
