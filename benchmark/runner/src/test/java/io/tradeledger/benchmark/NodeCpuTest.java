package io.tradeledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCpuTest {
  @TempDir Path data;

  @Test
  void nodes_are_grouped_by_the_kind_their_name_gives() {
    assertThat(NodeCpu.kind("peer-importer")).contains("peers");
    assertThat(NodeCpu.kind("chaincode-carrier")).contains("chaincode");
    assertThat(NodeCpu.kind("floor-insurer")).contains("floor");
    assertThat(NodeCpu.kind("api-customs")).contains("apis");
    assertThat(NodeCpu.kind("orderer2")).contains("orderers");
    assertThat(NodeCpu.kind("approve-floor-importer")).isEmpty();
  }

  @Test
  void a_sample_sums_the_cpu_of_the_processes_named_in_the_pid_files() throws IOException {
    Path run = Files.createDirectories(data.resolve("run"));
    long self = ProcessHandle.current().pid();
    Files.writeString(run.resolve("peer-importer.pid"), self + "\n");
    Files.writeString(run.resolve("peer-exporter.pid"), String.valueOf(self));
    Files.writeString(run.resolve("api-importer.pid"), "not a pid");
    Files.writeString(run.resolve("chaincode-importer.pid"), String.valueOf(Long.MAX_VALUE));
    burnCpu();

    Map<String, Duration> sample = new NodeCpu(data).sample();

    Duration own = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    assertThat(sample).containsOnlyKeys(NodeCpu.KINDS);
    // Both peer files name this process: counted twice, as two nodes would be.
    assertThat(sample.get("peers"))
        .isGreaterThan(Duration.ZERO)
        .isLessThanOrEqualTo(own.multipliedBy(2));
    assertThat(sample.get("runner")).isGreaterThan(Duration.ZERO);
    assertThat(sample.get("apis")).isZero();
    assertThat(sample.get("chaincode")).isZero();
  }

  @Test
  void cpu_per_request_is_the_difference_over_the_requests_answered() {
    Map<String, Duration> before = Map.of("peers", Duration.ofMillis(1_000));
    Map<String, Duration> after =
        Map.of("peers", Duration.ofMillis(1_500), "runner", Duration.ofMillis(250));

    assertThat(NodeCpu.millisPerRequest(before, after, 1_000))
        .containsEntry("peers", 0.5)
        .containsEntry("runner", 0.25)
        .containsEntry("chaincode", 0.0)
        .containsOnlyKeys(NodeCpu.KINDS);
    assertThat(NodeCpu.millisPerRequest(before, after, 0)).isEmpty();
  }

  private static void burnCpu() {
    long deadline = System.nanoTime() + 50_000_000;
    double x = 0;
    while (System.nanoTime() < deadline) {
      x += Math.sqrt(x + 1);
    }
    assertThat(x).isPositive();
  }
}
