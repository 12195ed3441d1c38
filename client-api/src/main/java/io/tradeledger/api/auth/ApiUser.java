package io.tradeledger.api.auth;

import java.security.Principal;
import java.util.Objects;

/** An authenticated caller, bound to one Fabric identity of the organization. */
public record ApiUser(String name, Role role, String fabricUser) implements Principal {
  public ApiUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(fabricUser, "fabricUser");
  }

  @Override
  public String getName() {
    return name;
  }
}
