package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.benchmark.BenchmarkMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark's smoke (benchmark/README.md), as CI runs it: the floor contract deployed beside
 * ours on this run's network and every workload for two seconds at 1 and 8 in flight, through the
 * raw Gateway and the APIs. It checks that the run measured every cell without an error and that
 * its results file parses; speed is measured by the benchmark itself, never asserted here.
 *
 * <p>The APIs are restarted with the per-key rate limit lifted, as {@code benchmark/run.sh} does,
 * and stay so for the classes after this one (none depends on the limit).
 */
@Order(3)
@ExtendWith(NetworkExtension.class)
final class BenchmarkSmokeIT {

  @Test
  void every_workload_runs_on_every_route_without_errors_and_writes_parsable_results(
      FabricNetwork network) throws Exception {
    String[] apis =
        Arrays.stream(Organization.values())
            .map(org -> "api-" + org.directory())
            .toArray(String[]::new);
    network.restart(Map.of("TRADE_LEDGER_API_RATE_LIMIT", "100000"), apis);
    network.deployFloor();
    Path output = network.dataDirectory().resolveSibling("benchmark-smoke");

    Path results =
        BenchmarkMain.run(
            List.of("--quick", "--output", output.toString()), network.dataDirectory(), System.out);

    JsonNode document = Json.mapper().readTree(Files.readString(results));
    Set<String> measured = new HashSet<>();
    List<String> failed = new ArrayList<>();
    for (JsonNode cell : document.get("cells")) {
      String name =
          cell.get("workload").asText()
              + "/"
              + cell.get("route").asText()
              + "/"
              + cell.get("concurrency").asInt();
      measured.add(name);
      if (cell.get("errors").asLong() > 0 || cell.get("requests").asLong() == 0) {
        failed.add(name + ": " + cell);
      }
      // Every request passes through a peer and is sent by the runner; reads of ours and of the
      // floor run in their own chaincode servers, the API's in the API too.
      JsonNode cpu = cell.get("cpuMsPerRequest");
      List<String> busy = new ArrayList<>(List.of("peers", "runner"));
      busy.add(cell.get("contract").asText().equals("floor") ? "floor" : "chaincode");
      if (cell.get("route").asText().equals("api")) {
        busy.add("apis");
      }
      for (String kind : busy) {
        if (!(cpu.path(kind).asDouble() > 0)) {
          failed.add(name + ": no CPU of " + kind + " in " + cpu);
        }
      }
    }
    assertThat(failed).isEmpty();
    List<String> expected = new ArrayList<>();
    for (int concurrency : List.of(1, 8)) {
      for (String route : List.of("gateway", "floor", "api")) {
        expected.add("read/" + route + "/" + concurrency);
        expected.add("create/" + route + "/" + concurrency);
      }
      for (String route : List.of("gateway", "api")) {
        expected.add("event/" + route + "/" + concurrency);
        expected.add("batch/" + route + "/" + concurrency);
      }
    }
    assertThat(measured).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(document.at("/summary/readToFloor").size()).isEqualTo(2);
    assertThat(Files.readAllLines(output.resolve("results.csv"))).hasSize(expected.size() + 1);
  }
}
