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
  private final List<ApiUserConfiguration> users;

  /** Refuses a configuration in which two users share a name or an API key. */
  public ApiKeyAuthenticator(List<ApiUserConfiguration> users) {
    this.users = List.copyOf(users);
    if (users.stream().map(ApiUserConfiguration::name).distinct().count() != users.size()
        || users.stream().map(ApiUserConfiguration::apiKeySha256).distinct().count()
            != users.size()) {
      throw new IllegalArgumentException("API users need distinct names and distinct API keys");
    }
  }

  @Override
  public Optional<ApiUser> authenticate(String apiKey) {
    byte[] presented = sha256(apiKey);
    ApiUser match = null;
    for (ApiUserConfiguration user : users) {
      if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(user.apiKeySha256()))) {
        match = new ApiUser(user.name(), user.role(), user.fabricUser());
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
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
