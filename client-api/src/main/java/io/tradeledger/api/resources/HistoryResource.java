package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.api.Types.RecordType;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.service.LedgerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

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
    Map<String, String> request = new LinkedHashMap<>();
    request.put("recordType", recordType.name());
    request.put("id", id);
    if (parentId != null) {
      request.put("parentId", parentId);
    }
    return Responses.ok(ledger.read(user, "ledger", "GetHistory", ledger.json(request, Map.of())));
  }
}
