package io.tradeledger.benchmark;

import io.tradeledger.api.config.ConnectionProfile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running network as {@code network/network.sh up} left it in its data directory: each
 * organization's connection description (peer, TLS CA, users), its API's URL (from the api.yml that
 * network.sh wrote) and the API keys of {@code api-keys.env}, never printed.
 */
final class Network {
  /** The API's own port: the first connector of api.yml ({@code port: N}). */
  private static final Pattern API_PORT = Pattern.compile("port: (\\d+)");

  /** The API roles network.sh generates one key for, per organization. */
  enum Role {
    WRITER,
    READER
  }

  private final Path data;
  private final Map<Organization, ConnectionProfile> profiles;
  private final Map<Organization, URI> apis;
  private final Properties keys;

  private Network(
      Path data,
      Map<Organization, ConnectionProfile> profiles,
      Map<Organization, URI> apis,
      Properties keys) {
    this.data = data;
    this.profiles = profiles;
    this.apis = apis;
    this.keys = keys;
  }

  static Network read(Path data) {
    Map<Organization, ConnectionProfile> profiles = new EnumMap<>(Organization.class);
    Map<Organization, URI> apis = new EnumMap<>(Organization.class);
    for (Organization organization : Organization.values()) {
      Path directory = data.resolve("organizations").resolve(organization.directory());
      profiles.put(
          organization,
          ConnectionProfile.read(Json.mapper(), directory.resolve("connection.json")));
      apis.put(organization, apiUrl(directory.resolve("api.yml")));
    }
    Properties keys = new Properties();
    try (Reader reader = Files.newBufferedReader(data.resolve("api-keys.env"))) {
      keys.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the API keys in " + data, e);
    }
    return new Network(data, Map.copyOf(profiles), Map.copyOf(apis), keys);
  }

  private static URI apiUrl(Path config) {
    try {
      Matcher port = API_PORT.matcher(Files.readString(config));
      if (!port.find()) {
        throw new IllegalStateException(config + " names no port");
      }
      return URI.create("http://127.0.0.1:" + port.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + config, e);
    }
  }

  Path data() {
    return data;
  }

  ConnectionProfile profile(Organization organization) {
    return profiles.get(organization);
  }

  URI api(Organization organization) {
    return apis.get(organization);
  }

  String key(Organization organization, Role role) {
    String name = organization.directory().toUpperCase(Locale.ROOT) + "_" + role + "_KEY";
    String key = keys.getProperty(name);
    if (key == null) {
      throw new IllegalStateException("no " + name + " in " + data.resolve("api-keys.env"));
    }
    return key;
  }
}
