package io.tradeledger.api.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The service's root opens the web dashboard, which is served as static assets under {@link #PATH}
 * (public, like any page: every API call it makes carries the user's key in the Authorization
 * header).
 */
@Path("/")
@Tag(name = "dashboard")
public final class DashboardResource {
  /** Where the dashboard's assets are served. */
  public static final String PATH = "/dashboard/";

  /** 303 to the dashboard; no key needed (the page asks for it). */
  @GET
  @Operation(
      summary = "Open the web dashboard",
      responses = @ApiResponse(responseCode = "303", description = "to /dashboard/"))
  public Response root() {
    return Response.seeOther(URI.create(PATH)).build();
  }
}
