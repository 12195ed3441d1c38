package io.tradeledger.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's HTTP walk-through, run as written: the fenced block between its {@code
 * walkthrough:begin} and {@code walkthrough:end} markers is run with {@code bash -euo pipefail}
 * against the test network's five APIs (their URLs and the data directory given as the variables
 * the block reads), in an empty folder. The script stops at any HTTP error and checks its own end;
 * this test also reads the result through other organizations' APIs.
 */
@Order(2)
@ExtendWith(NetworkExtension.class)
final class WalkthroughIT {
  static final String BEGIN = "<!-- walkthrough:begin -->";
  static final String END = "<!-- walkthrough:end -->";

  private static final Logger LOG = LoggerFactory.getLogger(WalkthroughIT.class);
  private static final long TIMEOUT_MINUTES = 5;

  private static NetworkSettings settings;
  private static Apis apis;

  @BeforeAll
  static void readKeys(FabricNetwork running) {
    settings = NetworkSettings.fromSystemProperties();
    apis = Apis.of(settings);
  }

  @Test
  void the_readmes_walkthrough_carries_a_trade_to_completed(@TempDir Path folder) throws Exception {
    Path script = folder.resolve("walkthrough.sh");
    Files.writeString(script, block(settings.repository().resolve("README.md")), UTF_8);
    String run = Trade.unique("walk");
    Path output = folder.resolve("walkthrough.log");

    ProcessBuilder builder =
        new ProcessBuilder("bash", "-euo", "pipefail", script.toString())
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("TRADE_LEDGER_DATA", settings.dataDirectory().toString());
    environment.put("RUN", run);
    for (Organization org : Organization.values()) {
      environment.put(org.name(), apis.url(org).toString());
    }
    Process process = builder.start();
    boolean exited = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }
    String printed = Files.readString(output, UTF_8);
    LOG.info("the walk-through printed:\n{}", printed);
    assertThat(exited).as("the walk-through ended within %d minutes", TIMEOUT_MINUTES).isTrue();
    assertThat(process.exitValue()).as(printed).isZero();

    // What it did, as another organization's API reads it.
    JsonNode order = apis.read(Organization.EXPORTER, "/orders/o-" + run);
    assertThat(order.path("status").asText()).isEqualTo("COMPLETED");
    String invoice = Hashes.sha256(Files.readAllBytes(folder.resolve("invoice.pdf")));
    JsonNode verified = apis.read(Organization.INSURER, "/documents/verification/" + invoice);
    assertThat(verified.path("anchored").asBoolean()).isTrue();
    assertThat(verified.path("documents").findValuesAsText("documentId")).contains("inv-" + run);
  }

  /** The lines between the markers, without the fence lines. */
  static String block(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme, UTF_8);
    int begin = lines.indexOf(BEGIN);
    int end = lines.indexOf(END);
    assertThat(begin).as("%s in %s", BEGIN, readme).isNotNegative();
    assertThat(end).as("%s after %s in %s", END, BEGIN, readme).isGreaterThan(begin);
    List<String> script =
        lines.subList(begin + 1, end).stream().filter(line -> !line.startsWith("```")).toList();
    assertThat(script).as("the walk-through's commands").isNotEmpty();
    return String.join("\n", script) + "\n";
  }
}
