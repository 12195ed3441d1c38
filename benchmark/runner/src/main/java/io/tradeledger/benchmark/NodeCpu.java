package io.tradeledger.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU time the network's processes have used so far, summed by kind of node, and this runner's
 * own: where a request's CPU goes (peers, our chaincode servers, the floor's, the APIs, the
 * orderers, the clients). Nodes are found by the process ids that network.sh keeps in {@code
 * <data>/run/<node>.pid}, read at each sample, so a node restarted meanwhile is followed. A process
 * that is gone, or one whose CPU time the platform does not tell, adds nothing.
 */
final class NodeCpu {
  /** The kinds, in the order they are printed; "runner" is this process (the clients). */
  static final List<String> KINDS =
      List.of("peers", "chaincode", "floor", "apis", "orderers", "runner");

  private final Path run;

  NodeCpu(Path data) {
    this.run = data.resolve("run");
  }

  /** CPU time used so far, by kind. */
  Map<String, Duration> sample() {
    Map<String, Duration> used = new LinkedHashMap<>();
    KINDS.forEach(kind -> used.put(kind, Duration.ZERO));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(run, "*.pid")) {
      for (Path file : files) {
        String node = file.getFileName().toString().replaceFirst("\\.pid$", "");
        kind(node)
            .ifPresent(
                kind -> cpuOf(pid(file)).ifPresent(cpu -> used.merge(kind, cpu, Duration::plus)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the network's processes in " + run, e);
    }
    ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .ifPresent(cpu -> used.merge("runner", cpu, Duration::plus));
    return used;
  }

  /** The kind of a node by its name as network.sh gives it, if it is one of {@link #KINDS}. */
  static Optional<String> kind(String node) {
    if (node.startsWith("peer-")) {
      return Optional.of("peers");
    }
    if (node.startsWith("chaincode-")) {
      return Optional.of("chaincode");
    }
    if (node.startsWith("floor-")) {
      return Optional.of("floor");
    }
    if (node.startsWith("api-")) {
      return Optional.of("apis");
    }
    if (node.startsWith("orderer")) {
      return Optional.of("orderers");
    }
    return Optional.empty();
  }

  /**
   * Milliseconds of CPU per request of each kind between two samples; empty when no request was
   * answered.
   */
  static Map<String, Double> millisPerRequest(
      Map<String, Duration> before, Map<String, Duration> after, long requests) {
    Map<String, Double> perRequest = new LinkedHashMap<>();
    if (requests <= 0) {
      return perRequest;
    }
    for (String kind : KINDS) {
      Duration used =
          after.getOrDefault(kind, Duration.ZERO).minus(before.getOrDefault(kind, Duration.ZERO));
      perRequest.put(kind, CellResult.round2(Math.max(0, used.toNanos()) / 1e6 / requests));
    }
    return perRequest;
  }

  private static Optional<Long> pid(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // Being rewritten, or removed by stop: not a process to count.
    }
  }

  private static Optional<Duration> cpuOf(Optional<Long> pid) {
    return pid.flatMap(ProcessHandle::of).flatMap(process -> process.info().totalCpuDuration());
  }
}
