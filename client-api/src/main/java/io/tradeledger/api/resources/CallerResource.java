package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.api.Results;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who the API key belongs to: what a client (the dashboard) shows and offers after sign-in. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session")
@SecurityRequirement(name = "apiKey")
public final class CallerResource {
  private final String organization;

  /** The caller's organization is this service's: the MSP ID of its peer's connection profile. */
  public CallerResource(String organization) {
    this.organization = organization;
  }

  /**
   * The calling API user: name, role and organization. No ledger call. Errors: 401 UNAUTHENTICATED.
   */
  @GET
  @RolesAllowed(Role.READ)
  @Operation(
      summary = "Who the API key belongs to",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the API user, its role and its organization",
              content = @Content(schema = @Schema(implementation = Results.Caller.class))))
  public Results.Caller caller(@Parameter(hidden = true) @Auth ApiUser user) {
    return new Results.Caller(user.name(), user.role().name(), organization);
  }
}
