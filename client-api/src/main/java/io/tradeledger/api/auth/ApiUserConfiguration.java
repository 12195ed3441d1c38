package io.tradeledger.api.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An API user: its name, the hex SHA-256 of its API key (the key itself is never configured), its
 * role within the organization and the Fabric identity it acts as.
 */
public record ApiUserConfiguration(String name, String apiKeySha256, Role role, String fabricUser) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public ApiUserConfiguration {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a user's name must match " + NAME.pattern());
    }
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(fabricUser, "fabricUser");
    if (apiKeySha256 == null || !SHA256.matcher(apiKeySha256).matches()) {
      throw new IllegalArgumentException(
          "apiKeySha256 of user " + name + " must be a lower-case hex SHA-256");
    }
  }
}
