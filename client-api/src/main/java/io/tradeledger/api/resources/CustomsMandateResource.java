package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.contract.MandateParties;
import io.tradeledger.contract.transactions.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Customs mandates: this organization, as importer of record, authorizes a representative (a
 * customs broker, a forwarder) to file import declarations in its name, and revokes it.
 */
@Path("/customs-mandates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customs")
@SecurityRequirement(name = "apiKey")
public final class CustomsMandateResource {
  private final LedgerService ledger;

  public CustomsMandateResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  /**
   * Grants (or re-grants) this organization's mandate to a representative; granting an active one
   * again returns it. 404 PARTICIPANT_NOT_FOUND, 403 ROLE_REQUIRED (neither importer nor exporter).
   */
  @PUT
  @Path("/{representativeMsp}")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Grant a customs mandate to a representative (importer of record)")
  public Response grant(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("representativeMsp") String representativeMsp) {
    return Responses.changed(
        ledger.submit(user, Transactions.GRANT_CUSTOMS_MANDATE, representativeMsp));
  }

  /** Revokes this organization's mandate; 404 MANDATE_NOT_FOUND. */
  @DELETE
  @Path("/{representativeMsp}")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Revoke a customs mandate (its grantor)")
  public Response revoke(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("representativeMsp") String representativeMsp) {
    return Responses.changed(
        ledger.submit(user, Transactions.REVOKE_CUSTOMS_MANDATE, representativeMsp));
  }

  /**
   * One mandate, for its grantor, its representative and customs authorities; 404
   * MANDATE_NOT_FOUND.
   */
  @GET
  @Path("/{grantorMsp}/{representativeMsp}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get a customs mandate")
  public Response get(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("grantorMsp") String grantorMsp,
      @PathParam("representativeMsp") String representativeMsp) {
    return Responses.ok(
        ledger.read(
            user,
            Transactions.GET_CUSTOMS_MANDATE,
            new MandateParties(grantorMsp, representativeMsp)));
  }
}
