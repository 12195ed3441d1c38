package io.tradeledger.api.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** WRITER may do everything, READER only what READER is named for. */
public final class RoleAuthorizer implements Authorizer<ApiUser> {
  @Override
  public boolean authorize(ApiUser user, String role, ContainerRequestContext request) {
    return user.role() == Role.WRITER || user.role().name().equals(role);
  }
}
