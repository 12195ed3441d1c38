package io.tradeledger.it;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the network of one test run lives: the repository whose {@code network/network.sh} runs it,
 * the data directory it keeps its ledgers in, its base port and, optionally, the Fabric
 * installation to use. Maven passes them as system properties (see this module's pom); each can be
 * overridden on the command line, e.g. {@code -Dtradeledger.it.basePort=18000}.
 */
public record NetworkSettings(
    Path repository, Path dataDirectory, int basePort, Optional<Path> fabricHome) {
  static final String REPOSITORY = "tradeledger.it.repository";
  static final String DATA = "tradeledger.it.data";
  static final String BASE_PORT = "tradeledger.it.basePort";
  static final String FABRIC_HOME = "tradeledger.it.fabricHome";

  public NetworkSettings {
    repository = repository.toAbsolutePath().normalize();
    dataDirectory = dataDirectory.toAbsolutePath().normalize();
    Objects.requireNonNull(fabricHome, "fabricHome");
    if (basePort < 1024 || basePort > 65_000) {
      throw new IllegalArgumentException("base port " + basePort + " is out of range");
    }
  }

  /**
   * The settings from system properties; without them (a run from an IDE in this module's folder)
   * the repository is the parent folder and the data directory {@code target/it-network}.
   */
  public static NetworkSettings fromSystemProperties() {
    Path repository = Path.of(System.getProperty(REPOSITORY, ".."));
    Path data = Path.of(System.getProperty(DATA, "target/it-network"));
    int basePort = Integer.parseInt(System.getProperty(BASE_PORT, "17000"));
    Optional<Path> fabricHome =
        Optional.ofNullable(System.getProperty(FABRIC_HOME))
            .filter(value -> !value.isBlank())
            .map(Path::of);
    return new NetworkSettings(repository, data, basePort, fabricHome);
  }

  public Path script() {
    return repository.resolve("network").resolve("network.sh");
  }

  /** The script's own output, one file per command, kept beside the data directory. */
  public Path scriptLogDirectory() {
    return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-script-logs");
  }

  public Ports ports() {
    return new Ports(basePort);
  }
}
