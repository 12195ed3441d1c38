package io.tradeledger.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code network.sh} tells a user when it cannot do what was asked, and that it leaves nothing
 * behind: a port in use, a missing Fabric, a missing Java, a node that dies while starting. Each
 * failing {@code up} gets its own data directory and ports beside the run's network, which must
 * keep running untouched; {@code up} on that running network says so and changes nothing.
 */
@Order(2)
@ExtendWith(NetworkExtension.class)
final class NetworkScriptIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private static NetworkSettings shared;

  /** The run's network is up (or every test skipped without Fabric); its settings are shared. */
  @BeforeAll
  static void connect(FabricNetwork running) {
    shared = NetworkSettings.fromSystemProperties();
  }

  @Test
  void up_on_a_running_network_says_so_and_changes_nothing() {
    Map<String, String> before = pids(shared.dataDirectory());

    Outcome outcome = run(shared.dataDirectory(), shared.basePort(), Map.of(), "up");

    assertThat(outcome.status()).isZero();
    assertThat(outcome.output()).contains("is already running; nothing changed");
    assertThat(before).hasSize(18);
    assertThat(pids(shared.dataDirectory())).isEqualTo(before);
  }

  @Test
  void a_port_in_use_fails_up_naming_the_port_and_node_and_leaves_no_process(@TempDir Path scratch)
      throws IOException {
    Path data = scratch.resolve("network");
    int base = shared.basePort() + 2_000;
    int carrierPeer = base + 100 + 10 * Organization.CARRIER.index();
    try (ServerSocket blocker =
        new ServerSocket(carrierPeer, 1, InetAddress.getLoopbackAddress())) {
      assertThat(blocker.isBound()).isTrue();
      Outcome outcome = run(data, base, Map.of(), "up");

      assertThat(outcome.status()).isEqualTo(1);
      assertThat(outcome.output())
          .contains(
              "cannot start peer-carrier: port " + carrierPeer + " (gRPC) is in use",
              "up failed; stopping the nodes it started");
      assertThat(processesWorkingIn(data)).isEmpty();
    } finally {
      run(data, base, Map.of(), "wipe");
    }
  }

  @Test
  void a_chaincode_server_that_dies_while_starting_is_named_with_its_log_and_nothing_stays(
      @TempDir Path scratch) {
    Path data = scratch.resolve("network");
    int base = shared.basePort() + 2_300;
    try {
      Outcome outcome = run(data, base, Map.of("TRADE_LEDGER_CHAINCODE_JAVA_OPTS", "-Xmx1k"), "up");

      assertThat(outcome.status()).isEqualTo(1);
      assertThat(outcome.output())
          .containsPattern("chaincode-[a-z]+ exited while starting; the end of .*chaincode-")
          .contains("Too small maximum heap", "up failed; stopping the nodes it started");
      assertThat(processesWorkingIn(data)).isEmpty();
    } finally {
      run(data, base, Map.of(), "wipe");
    }
  }

  @Test
  void without_fabric_one_message_says_what_to_set(@TempDir Path scratch) {
    Outcome outcome =
        run(
            scratch.resolve("network"),
            shared.basePort() + 2_600,
            Map.of("FABRIC_HOME", scratch.resolve("no-fabric").toString()),
            "up");

    assertThat(outcome.status()).isEqualTo(FabricNetwork.FABRIC_NOT_FOUND);
    assertThat(outcome.output().strip().lines())
        .singleElement()
        .asString()
        .contains("is not a Fabric 3.1.5 release layout: bin/peer is missing")
        .contains("Point FABRIC_HOME at the unpacked release archive");
    assertThat(scratch.resolve("network")).doesNotExist();
  }

  @Test
  void without_java_up_says_so_before_starting_anything(@TempDir Path scratch) {
    Path data = scratch.resolve("network");
    Outcome outcome =
        run(
            data,
            shared.basePort() + 2_600,
            Map.of("JAVA_HOME", scratch.resolve("no-java").toString()),
            "up");

    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.output())
        .contains("Java is not installed (no '" + scratch.resolve("no-java/bin/java") + "')");
    assertThat(data).doesNotExist();
  }

  /** The network's pid files: node name to pid. */
  private static Map<String, String> pids(Path data) {
    Map<String, String> pids = new TreeMap<>();
    try (Stream<Path> files = Files.list(data.resolve("run"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".pid")).toList()) {
        pids.put(file.getFileName().toString(), Files.readString(file, UTF_8).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pids;
  }

  /** Every process on this machine whose working directory lies in {@code data}. */
  private static List<String> processesWorkingIn(Path data) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process :
          processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          if (Files.readSymbolicLink(process.resolve("cwd")).startsWith(data)) {
            found.add(process.getFileName().toString());
          }
        } catch (IOException | SecurityException gone) {
          // The process ended while we looked, or is not ours to inspect.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private record Outcome(int status, String output) {}

  /** Runs network.sh with a data directory and base port of its own, and extra environment. */
  private static Outcome run(Path data, int base, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", shared.script().toString()));
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile("network-sh", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().put("TRADE_LEDGER_DATA", data.toString());
      builder.environment().put("TRADE_LEDGER_BASE_PORT", String.valueOf(base));
      shared
          .fabricHome()
          .ifPresent(home -> builder.environment().put("FABRIC_HOME", home.toString()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("network.sh " + String.join(" ", args) + " did not end in time");
      }
      String text = Files.readString(output, UTF_8);
      Files.delete(output);
      return new Outcome(process.exitValue(), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
