package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.api.Requests.DecideDeclaration;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.contract.DeclarationFiling;
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

/**
 * Customs declarations: the importer of record or its mandated representative files, the customs
 * authority of the country of import decides.
 */
@Path("/declarations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "customs")
@SecurityRequirement(name = "apiKey")
public final class CustomsResource {
  private final LedgerService ledger;

  public CustomsResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  /**
   * The importer of record (the buyer, the seller under DDP) or a representative it mandated files
   * a declaration for a shipment; 403 ACCESS_DENIED for anyone else, 422
   * CUSTOMS_NOT_COUNTRY_OF_IMPORT or DECLARATION_HS_CODE_MISMATCH.
   */
  @POST
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "File a customs declaration (importer of record or its representative)",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = Responses.CREATED,
              content = @Content(schema = @Schema(type = "object"))))
  public Response file(@Parameter(hidden = true) @Auth ApiUser user, DeclarationFiling filing) {
    return Responses.created(ledger.submit(user, Transactions.FILE_DECLARATION, filing));
  }

  /** One declaration; 404 DECLARATION_NOT_FOUND. */
  @GET
  @Path("/{declarationId}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get a customs declaration")
  public Response get(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("declarationId") String declarationId) {
    return Responses.ok(ledger.read(user, Transactions.GET_DECLARATION, declarationId));
  }

  /**
   * The customs authority of the country of import decides; 409 DECLARATION_INVALID_TRANSITION, 422
   * CUSTOMS_NOT_COUNTRY_OF_IMPORT.
   */
  @POST
  @Path("/{declarationId}/decision")
  @RolesAllowed(Role.WRITE)
  @Operation(summary = "Decide a customs declaration (customs authority)")
  public Response decide(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("declarationId") String declarationId,
      DecideDeclaration decision) {
    return Responses.changed(
        ledger.submit(
            user,
            Transactions.DECIDE_DECLARATION,
            LedgerService.required(decision).of(declarationId)));
  }
}
