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
import io.tradeledger.api.service.LedgerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What became of a transaction, for a client that was answered OUTCOME_UNKNOWN. */
@Path("/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transactions")
@SecurityRequirement(name = "apiKey")
public final class TransactionResource {
  private final LedgerService ledger;

  public TransactionResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  /**
   * The status of a transaction on this organization's peer: {@code VALID} (committed, with its
   * block), {@code INVALID} (committed but invalidated: its validation code, such as
   * MVCC_READ_CONFLICT, and nothing changed) or {@code UNKNOWN} (not committed yet, or never
   * ordered; the answer waits up to the evaluate deadline). Errors: 422 INVALID_INPUT for an id
   * that is not a transaction id (64 lower-case hex digits), 503 PEER_UNAVAILABLE.
   */
  @GET
  @Path("/{txId}")
  @RolesAllowed(Role.READ)
  @Operation(
      summary = "What became of a transaction",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "VALID, INVALID with the validation code, or UNKNOWN",
              content = @Content(schema = @Schema(implementation = Results.Transaction.class))))
  public Response status(
      @Parameter(hidden = true) @Auth ApiUser user,
      @Parameter(schema = @Schema(pattern = "^[0-9a-f]{64}$")) @PathParam("txId")
          String transactionId) {
    return Response.ok(Results.Transaction.of(ledger.transactionStatus(user, transactionId)))
        .build();
  }
}
