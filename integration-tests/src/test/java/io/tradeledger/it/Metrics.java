package io.tradeledger.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus metrics that orderers and peers serve on their operations ports. How far a
 * node's copy of the channel reaches is its {@code ledger_blockchain_height{channel="trade"}}.
 */
public final class Metrics {
  /** The series of the channel's height on orderers and peers alike. */
  public static final String HEIGHT = "ledger_blockchain_height{channel=\"trade\"}";

  /** 1 on the orderer that leads the channel's Raft cluster, else 0. */
  public static final String RAFT_LEADER = "consensus_etcdraft_is_leader{channel=\"trade\"}";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The node's channel height, or empty when it does not answer or has not joined yet. */
  public OptionalLong blockHeight(int operationsPort) {
    OptionalDouble height = value(operationsPort, HEIGHT);
    return height.isPresent() ? OptionalLong.of((long) height.getAsDouble()) : OptionalLong.empty();
  }

  /**
   * The value of one series, e.g. {@link #HEIGHT}; empty when the node does not answer or does not
   * have it.
   */
  public OptionalDouble value(int operationsPort, String series) {
    Pattern line =
        Pattern.compile("^" + Pattern.quote(series) + "\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + operationsPort + "/metrics"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return OptionalDouble.empty();
      }
      Matcher matcher = line.matcher(response.body());
      return matcher.find()
          ? OptionalDouble.of(Double.parseDouble(matcher.group(1)))
          : OptionalDouble.empty();
    } catch (IOException e) {
      return OptionalDouble.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalDouble.empty();
    }
  }

  /** Waits until exactly one of the three orderers leads the channel's Raft cluster. */
  public void awaitRaftLeader(Ports ports, Duration timeout) {
    Poll.until(
        "the orderers to elect a Raft leader",
        timeout,
        () -> {
          double leaders = 0;
          for (int orderer = 1; orderer <= 3; orderer++) {
            leaders += value(ports.ordererOperations(orderer), RAFT_LEADER).orElse(0);
          }
          return leaders;
        },
        leaders -> leaders == 1);
  }
}
