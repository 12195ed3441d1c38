package io.tradeledger.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code network/network.sh} with this run's data directory and base port.
 *
 * <p>The script's output goes to a file, which is followed into the test log while the script runs.
 * A pipe would not do: the nodes that {@code up} starts in the background may inherit the script's
 * output, so the pipe would never reach its end.
 */
final class NetworkScript {
  private static final Logger LOG = LoggerFactory.getLogger("network.sh");
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final NetworkSettings settings;

  /** A script runner whose log folder holds this run's commands only. */
  NetworkScript(NetworkSettings settings) {
    this.settings = settings;
    try (Stream<Path> logs =
        Files.exists(settings.scriptLogDirectory())
            ? Files.list(settings.scriptLogDirectory())
            : Stream.empty()) {
      for (Path log : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
        Files.delete(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + settings.scriptLogDirectory(), e);
    }
  }

  /** What one command did: its exit status (-1 when it timed out) and everything it printed. */
  record Result(List<String> command, int exitStatus, String output, Duration took) {
    boolean succeeded() {
      return exitStatus == 0;
    }

    String describe() {
      return "'network.sh "
          + String.join(" ", command)
          + "' "
          + (exitStatus < 0 ? "timed out" : "exited with status " + exitStatus)
          + " after "
          + took.toSeconds()
          + " s; its output:\n"
          + output;
    }
  }

  /** Runs a command, following its output into the test log. */
  Result run(Duration timeout, String... arguments) {
    return run(settings.script(), Map.of(), true, timeout, arguments);
  }

  /** Runs a command with more environment variables (such as TRADE_LEDGER_API_RATE_LIMIT). */
  Result run(Duration timeout, Map<String, String> environment, String... arguments) {
    return run(settings.script(), environment, true, timeout, arguments);
  }

  /**
   * Runs another script of the repository on this run's network (same data directory, base port and
   * Fabric), such as {@code benchmark/deploy-floor.sh}.
   */
  Result runScript(String script, Duration timeout, String... arguments) {
    return run(settings.repository().resolve(script), Map.of(), true, timeout, arguments);
  }

  /** Runs a command without logging its output (for questions such as {@code fabric}). */
  Result ask(Duration timeout, String... arguments) {
    return run(settings.script(), Map.of(), false, timeout, arguments);
  }

  private Result run(
      Path script,
      Map<String, String> extraEnvironment,
      boolean follow,
      Duration timeout,
      String... arguments) {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(arguments));
    List<String> logName = new ArrayList<>();
    if (!script.equals(settings.script())) {
      logName.add(script.getFileName().toString().replaceFirst("\\.sh$", ""));
    }
    logName.addAll(List.of(arguments));
    Instant started = Instant.now();
    try {
      Files.createDirectories(settings.scriptLogDirectory());
      Path log =
          settings
              .scriptLogDirectory()
              .resolve("%03d-%s.log".formatted(RUNS.incrementAndGet(), String.join("-", logName)));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(settings.repository().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      Map<String, String> environment = builder.environment();
      environment.put("TRADE_LEDGER_DATA", settings.dataDirectory().toString());
      environment.put("TRADE_LEDGER_BASE_PORT", String.valueOf(settings.basePort()));
      settings.fabricHome().ifPresent(home -> environment.put("FABRIC_HOME", home.toString()));
      environment.putAll(extraEnvironment);
      if (follow) {
        LOG.info(
            "running {} {} (output also in {})",
            script.getFileName(),
            String.join(" ", arguments),
            log);
      }
      Process process = builder.start();
      int exitStatus = waitFor(process, log, follow, timeout);
      return new Result(
          List.of(arguments),
          exitStatus,
          Files.readString(log, UTF_8),
          Duration.between(started, Instant.now()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + settings.script(), e);
    }
  }

  private static int waitFor(Process process, Path log, boolean follow, Duration timeout)
      throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    try (FileChannel output = FileChannel.open(log, StandardOpenOption.READ)) {
      LineFollower follower = new LineFollower(output, follow);
      try {
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
          follower.poll();
          if (Instant.now().isAfter(deadline)) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
              process.destroyForcibly();
            }
            follower.poll();
            follower.flush();
            return -1;
          }
        }
      } catch (InterruptedException e) {
        process.destroy();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while network.sh ran", e);
      }
      follower.poll();
      follower.flush();
      return process.exitValue();
    }
  }

  /** Logs the lines appended to the script's output file since the last poll. */
  private static final class LineFollower {
    private final FileChannel output;
    private final boolean follow;
    private final StringBuilder partial = new StringBuilder();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    LineFollower(FileChannel output, boolean follow) {
      this.output = output;
      this.follow = follow;
    }

    void poll() throws IOException {
      while (output.read(buffer) > 0) {
        buffer.flip();
        partial.append(UTF_8.decode(buffer));
        buffer.clear();
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
          log(partial.substring(0, end));
          partial.delete(0, end + 1);
        }
      }
    }

    void flush() {
      if (partial.length() > 0) {
        log(partial.toString());
        partial.setLength(0);
      }
    }

    private void log(String line) {
      if (follow) {
        LOG.info("{}", line);
      }
    }
  }
}
