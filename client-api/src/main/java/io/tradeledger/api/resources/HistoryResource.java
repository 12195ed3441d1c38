package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.contract.HistoryRequest;
import io.tradeledger.contract.RecordType;
import io.tradeledger.contract.transactions.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The history of any record: every version, who wrote it, in which transaction and when. */
@Path("/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
@SecurityRequirement(name = "apiKey")
public final class HistoryResource {
  private final LedgerService ledger;

  public HistoryResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  /**
   * Every version of a record, newest first; {@code parentId} is the order of a MILESTONE and the
   * shipment of a SHIPMENT_EVENT. 404 with the record type's NOT_FOUND code.
   */
  @GET
  @Path("/{recordType}/{id}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get the history of a record")
  public Response history(
      @Parameter(hidden = true) @Auth ApiUser user,
      @PathParam("recordType") RecordType recordType,
      @PathParam("id") String id,
      @QueryParam("parentId") String parentId) {
    return Responses.ok(
        ledger.read(user, Transactions.GET_HISTORY, new HistoryRequest(recordType, id, parentId)));
  }
}
