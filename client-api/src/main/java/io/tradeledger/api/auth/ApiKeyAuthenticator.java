package io.tradeledger.api.auth;

import io.dropwizard.auth.Authenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Finds the API user whose configured key hash matches the presented key. Keys are compared by
 * their SHA-256 in constant time; the keys themselves are never stored.
 */
public final class ApiKeyAuthenticator implements Authenticator<String, ApiUser> {
  /** Never used itself, only copied: its state is never changed, so threads may share it. */
  private static final MessageDigest SHA256 = newSha256();

  private final List<Key> keys;

  /** A configured key's SHA-256, decoded once, and the user it authenticates. */
  private record Key(byte[] sha256, ApiUser user) {}

  /** Refuses a configuration in which two users share a name or an API key. */
  public ApiKeyAuthenticator(List<ApiUserConfiguration> users) {
    if (users.stream().map(ApiUserConfiguration::name).distinct().count() != users.size()
        || users.stream().map(ApiUserConfiguration::apiKeySha256).distinct().count()
            != users.size()) {
      throw new IllegalArgumentException("API users need distinct names and distinct API keys");
    }
    this.keys =
        users.stream()
            .map(
                user ->
                    new Key(
                        HexFormat.of().parseHex(user.apiKeySha256()),
                        new ApiUser(user.name(), user.role(), user.fabricUser())))
            .toList();
  }

  /** Compares the key's SHA-256 with every user's, each in constant time, all of them always. */
  @Override
  public Optional<ApiUser> authenticate(String apiKey) {
    byte[] presented = sha256(apiKey);
    ApiUser match = null;
    for (Key key : keys) {
      if (MessageDigest.isEqual(presented, key.sha256())) {
        match = key.user();
      }
    }
    return Optional.ofNullable(match);
  }

  /** The hex SHA-256 of an API key, as the configuration holds it. */
  public static String hash(String apiKey) {
    return HexFormat.of().formatHex(sha256(apiKey));
  }

  private static byte[] sha256(String value) {
    try {
      // A copy of a fresh digest: far cheaper than looking the algorithm up for every request.
      MessageDigest digest = (MessageDigest) SHA256.clone();
      return digest.digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be copied", e);
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
