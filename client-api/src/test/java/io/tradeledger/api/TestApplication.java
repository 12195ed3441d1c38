package io.tradeledger.api;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import io.tradeledger.api.ledger.LedgerPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The real application with a test's own fake ledger behind its port; tests run it through {@link
 * TestApi}, {@link ReadPathLoad} with a ledger that answers at once.
 */
public final class TestApplication extends TradeLedgerApplication {
  private final LedgerPort ledger;

  TestApplication(LedgerPort ledger) {
    this.ledger = ledger;
  }

  @Override
  protected LedgerPort ledger(TradeLedgerConfiguration configuration, Environment environment) {
    return ledger;
  }

  /** The application on free ports, with checkpoints and its secret in a fresh directory. */
  static DropwizardAppExtension<TradeLedgerConfiguration> app(
      FakeLedgerPort ledger, ConfigOverride... overrides) {
    return new DropwizardAppExtension<>(service(ledger, temporaryDirectory(), overrides));
  }

  /** The application as a service the test starts and stops itself. */
  static DropwizardTestSupport<TradeLedgerConfiguration> service(
      LedgerPort ledger, Path checkpoints, ConfigOverride... overrides) {
    ConfigOverride[] all =
        Stream.of(
                Stream.of(secretIn(checkpoints), submissionsIn(checkpoints)),
                Stream.of(overrides),
                Stream.of(checkpointsIn(checkpoints)))
            .flatMap(stream -> stream)
            .toArray(ConfigOverride[]::new);
    return new DropwizardTestSupport<>(
        TestApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"), all) {
      @Override
      public Application<TradeLedgerConfiguration> newApplication() {
        return new TestApplication(ledger);
      }
    };
  }

  /** A fresh directory for a test application's event checkpoints. */
  static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("trade-ledger-api-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The terms salt secret in the same directory: a restarted service keeps it. */
  private static ConfigOverride secretIn(Path directory) {
    return ConfigOverride.config(
        "termsSaltSecretFile", directory.resolve("terms-salt-secret").toString());
  }

  private static ConfigOverride checkpointsIn(Path directory) {
    return ConfigOverride.config("events.checkpointDirectory", directory.toString());
  }

  /** The submissions written down before ordering, in the same directory: a restart keeps them. */
  private static ConfigOverride submissionsIn(Path directory) {
    return ConfigOverride.config(
        "submissionDirectory", directory.resolve("submissions").toString());
  }
}
