package io.tradeledger.it;

import io.tradeledger.api.config.ConnectionProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fabric network of one test run, brought up by {@code network/network.sh up} and stopped when
 * the run ends: by JUnit closing the root store (also after failures), or by a JVM shutdown hook
 * when the run is interrupted. The ledger is kept between runs, which is why tests use fresh ids.
 *
 * <p>Tests that stop and start nodes ({@link #stop(String...)}, {@link #up()}) go through here, so
 * the script always runs with this run's data directory and ports.
 */
public final class FabricNetwork implements AutoCloseable {
  /** network.sh's exit status when no Fabric 3.1.5 installation can be found. */
  static final int FABRIC_NOT_FOUND = 3;

  private static final Logger LOG = LoggerFactory.getLogger(FabricNetwork.class);
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  /** Whether the network could be used, and if not, why. */
  enum State {
    RUNNING,
    FABRIC_MISSING,
    FAILED
  }

  private final NetworkSettings settings;
  private final NetworkScript script;
  private final State state;
  private final String problem;
  private final Map<Organization, ConnectionProfile> connections;
  private final Thread shutdownHook;
  private boolean stopped;

  private FabricNetwork(
      NetworkSettings settings,
      NetworkScript script,
      State state,
      String problem,
      Map<Organization, ConnectionProfile> connections,
      Thread shutdownHook) {
    this.settings = settings;
    this.script = script;
    this.state = state;
    this.problem = problem;
    this.connections = connections;
    this.shutdownHook = shutdownHook;
  }

  /**
   * Brings the network up, once per test run. Never throws: a missing Fabric or a failed {@code up}
   * is kept and reported to every test class that asks for the network.
   */
  static FabricNetwork start(NetworkSettings settings) {
    NetworkScript script = new NetworkScript(settings);
    // Without FABRIC_HOME or a cached installation, network.sh downloads Fabric (up to 15 min).
    NetworkScript.Result fabric = script.ask(Duration.ofMinutes(16), "fabric");
    if (fabric.exitStatus() == FABRIC_NOT_FOUND) {
      String message =
          "Fabric 3.1.5 was not found, so the integration tests were skipped: set FABRIC_HOME (or"
              + " -D"
              + NetworkSettings.FABRIC_HOME
              + ") to a Fabric 3.1.5 release layout (bin/, config/, builders/ccaas/) ("
              + firstLine(fabric.output())
              + ")";
      LOG.warn(message);
      return new FabricNetwork(settings, script, State.FABRIC_MISSING, message, Map.of(), null);
    }
    if (!fabric.succeeded()) {
      return new FabricNetwork(settings, script, State.FAILED, fabric.describe(), Map.of(), null);
    }
    LOG.info("Fabric home: {}", fabric.output().strip());
    // Registered before 'up', so that an interrupted start is cleaned up too.
    Thread hook = new Thread(() -> stopQuietly(script), "stop-fabric-network");
    Runtime.getRuntime().addShutdownHook(hook);
    NetworkScript.Result up = script.run(UP_TIMEOUT, "up");
    if (!up.succeeded()) {
      return new FabricNetwork(settings, script, State.FAILED, up.describe(), Map.of(), hook);
    }
    try {
      Map<Organization, ConnectionProfile> connections = new EnumMap<>(Organization.class);
      for (Organization organization : Organization.values()) {
        connections.put(
            organization,
            ConnectionProfile.read(Json.mapper(), connectionFile(settings, organization)));
      }
      FabricNetwork network =
          new FabricNetwork(settings, script, State.RUNNING, null, Map.copyOf(connections), hook);
      LOG.info("network up in {} s", up.took().toSeconds());
      return network;
    } catch (RuntimeException | AssertionError e) {
      return new FabricNetwork(
          settings,
          script,
          State.FAILED,
          "network.sh up succeeded, but the network is not usable: " + e + "\n" + up.describe(),
          Map.of(),
          hook);
    }
  }

  State state() {
    return state;
  }

  /** Why the network cannot be used; empty while it runs. */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  public Ports ports() {
    return settings.ports();
  }

  /** The network's {@code TRADE_LEDGER_DATA}: its crypto material, ledgers and logs. */
  public Path dataDirectory() {
    return settings.dataDirectory();
  }

  public ConnectionProfile connection(Organization organization) {
    ConnectionProfile connection = connections.get(organization);
    if (connection == null) {
      throw new IllegalStateException("the network is not running: " + problem);
    }
    return connection;
  }

  /**
   * Stops the named nodes (orderer1, peer-carrier, chaincode-carrier, ...) or, without names, every
   * node; the ledgers are kept.
   */
  public NetworkScript.Result stop(String... nodes) {
    List<String> arguments = new ArrayList<>(List.of("stop"));
    arguments.addAll(List.of(nodes));
    return requireSuccess(script.run(STOP_TIMEOUT, arguments.toArray(String[]::new)));
  }

  /**
   * Kills a running node at once (SIGKILL: no shutdown hook, nothing flushed), as a crash would,
   * and waits until it is gone; its pid is {@link #pid}'s.
   */
  public void kill(String node) {
    long pid = pid(node);
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException(node + " (pid " + pid + ") is gone"));
    process.destroyForcibly();
    try {
      process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(node + " did not exit after SIGKILL", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    LOG.info("killed {} (pid {})", node, pid);
  }

  /**
   * Starts whatever is not running, on the same ledgers. {@code network.sh up} returns once the
   * network is healthy, including gossip discovery: every peer knows the others, so the Gateway can
   * plan endorsements by other organizations.
   */
  public NetworkScript.Result up() {
    return requireSuccess(script.run(UP_TIMEOUT, "up"));
  }

  /**
   * Suspends the named nodes' processes (SIGSTOP): they keep their connections open and answer
   * nothing, as a hung node does; {@link #resume(String...)} lets them go on.
   */
  public void suspend(String... nodes) {
    signal("STOP", nodes);
  }

  /** Lets suspended nodes go on (SIGCONT). */
  public void resume(String... nodes) {
    signal("CONT", nodes);
  }

  private void signal(String signal, String... nodes) {
    for (String node : nodes) {
      long pid = pid(node);
      try {
        Process kill =
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
          throw new IllegalStateException("kill -" + signal + " " + pid + " (" + node + ") failed");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      LOG.info("sent SIG{} to {} (pid {})", signal, node, pid);
    }
  }

  /**
   * The pid of a running node of this network, as network.sh records it; like network.sh, a pid
   * counts only while its process works in the node's own directory.
   */
  long pid(String node) {
    Path data = settings.dataDirectory();
    try {
      long pid =
          Long.parseLong(Files.readString(data.resolve("run").resolve(node + ".pid")).strip());
      Path directory = Path.of("/proc", Long.toString(pid), "cwd").toRealPath();
      if (!directory.equals(data.resolve("nodes").resolve(node).toRealPath())) {
        throw new IllegalStateException(node + " is not running (pid " + pid + " is not its)");
      }
      return pid;
    } catch (IOException e) {
      throw new IllegalStateException(node + " is not running", e);
    }
  }

  /**
   * Stops the named nodes and starts them again with more environment variables, e.g. the APIs with
   * {@code TRADE_LEDGER_API_RATE_LIMIT}; {@code up} starts whatever is not running.
   */
  public NetworkScript.Result restart(Map<String, String> environment, String... nodes) {
    stop(nodes);
    return requireSuccess(script.run(UP_TIMEOUT, environment, "up"));
  }

  /**
   * Deploys the benchmark's floor contract beside ours ({@code benchmark/deploy-floor.sh}); {@link
   * #close()} stops its chaincode servers with the rest.
   */
  public NetworkScript.Result deployFloor() {
    return requireSuccess(script.runScript("benchmark/deploy-floor.sh", UP_TIMEOUT));
  }

  /** Stops every node, once; the shutdown hook is no longer needed afterwards. */
  @Override
  public synchronized void close() {
    if (stopped || shutdownHook == null) {
      return;
    }
    stopped = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      return;
    }
    stopQuietly(script);
  }

  private static void stopQuietly(NetworkScript script) {
    NetworkScript.Result result = script.run(STOP_TIMEOUT, "stop");
    if (!result.succeeded()) {
      LOG.error("stopping the network failed: {}", result.describe());
    }
  }

  private static NetworkScript.Result requireSuccess(NetworkScript.Result result) {
    if (!result.succeeded()) {
      throw new AssertionError(result.describe());
    }
    return result;
  }

  private static Path connectionFile(NetworkSettings settings, Organization organization) {
    return settings
        .dataDirectory()
        .resolve("organizations")
        .resolve(organization.directory())
        .resolve("connection.json");
  }

  private static String firstLine(String output) {
    return output.strip().lines().findFirst().orElse("no message");
  }
}
