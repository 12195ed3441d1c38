package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.service.InvalidRequest;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.contract.ParticipantChangeRequest;
import io.tradeledger.contract.ParticipantProfile;
import io.tradeledger.contract.transactions.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The participant registry: who is in the consortium, in which roles, and changes to it. */
@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "participants")
@SecurityRequirement(name = "apiKey")
public final class ParticipantResource {
  private final LedgerService ledger;

  public ParticipantResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  /** Every registered organization. */
  @GET
  @RolesAllowed(Role.READ)
  @Operation(summary = "List the participant registry")
  public Response list(@Parameter(hidden = true) @Auth ApiUser user) {
    return Responses.ok(ledger.read(user, Transactions.LIST_PARTICIPANTS));
  }

  /**
   * Writes the founding registry (participants:RegisterFoundingMembers) once, while it is empty;
   * this organization must be among the 1 to 50 members. The same list again returns the registry.
   * Errors: 403 ACCESS_DENIED (this organization not listed), 409 REGISTRY_ALREADY_INITIALIZED, 422
   * INVALID_INPUT.
   */
  @POST
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "Register the founding members (once, while the registry is empty)",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = Responses.CREATED,
              content = @Content(schema = @Schema(type = "object"))))
  public Response registerFoundingMembers(
      @Parameter(hidden = true) @Auth ApiUser user, List<ParticipantProfile> participants) {
    if (participants == null) {
      throw new InvalidRequest("the founding members are required");
    }
    return Responses.created(
        ledger.submit(user, Transactions.REGISTER_FOUNDING_MEMBERS, participants));
  }

  /** One registered organization; 404 PARTICIPANT_NOT_FOUND. */
  @GET
  @Path("/{mspId}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get one participant")
  public Response get(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("mspId") String mspId) {
    return Responses.ok(ledger.read(user, Transactions.GET_PARTICIPANT, mspId));
  }

  /** Proposes adding or changing an entry; 409 CHANGE_CONFLICT for a reused id. */
  @POST
  @Path("/changes")
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "Propose a registry change (counts as this organization's approval)",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = Responses.CREATED,
              content = @Content(schema = @Schema(type = "object"))))
  public Response propose(
      @Parameter(hidden = true) @Auth ApiUser user, ParticipantChangeRequest change) {
    return Responses.created(ledger.submit(user, Transactions.PROPOSE_PARTICIPANT_CHANGE, change));
  }

  /** One proposed change; 404 CHANGE_NOT_FOUND. */
  @GET
  @Path("/changes/{changeId}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get a registry change")
  public Response change(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("changeId") String changeId) {
    return Responses.ok(ledger.read(user, Transactions.GET_PARTICIPANT_CHANGE, changeId));
  }

  /** Approves a change; 409 CHANGE_ALREADY_APPROVED or CHANGE_ALREADY_DECIDED. */
  @POST
  @Path("/changes/{changeId}/approval")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Approve a registry change for this organization")
  public Response approve(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("changeId") String changeId) {
    return Responses.changed(
        ledger.submit(user, Transactions.APPROVE_PARTICIPANT_CHANGE, changeId));
  }
}
