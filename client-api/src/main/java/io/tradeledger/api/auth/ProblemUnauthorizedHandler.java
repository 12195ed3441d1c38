package io.tradeledger.api.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import io.tradeledger.api.errors.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A missing or wrong API key: 401 as a problem, with the challenge clients expect. */
public final class ProblemUnauthorizedHandler implements UnauthorizedHandler {
  @Override
  public Response buildResponse(String prefix, String realm) {
    Response problem =
        Problem.response(
            401,
            "UNAUTHENTICATED",
            "send 'Authorization: Bearer <API key>' with a valid key",
            null);
    return Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
        .build();
  }
}
