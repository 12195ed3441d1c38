package io.tradeledger.api.resources;

import io.swagger.v3.oas.annotations.Hidden;
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
@Hidden
public final class DashboardResource {
  /** Where the dashboard's assets are served. */
  public static final String PATH = "/dashboard/";

  /** 303 to the dashboard. */
  @GET
  public Response root() {
    return Response.seeOther(URI.create(PATH)).build();
  }
}
