package io.tradeledger.api.auth;

import io.dropwizard.auth.AuthFilter;
import io.tradeledger.api.errors.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Authenticates the API key of {@code Authorization: Bearer <key>}, and nothing else. Dropwizard's
 * OAuth filter also takes a key from the URL ({@code ?access_token=}), where proxies, browsers and
 * request logs keep it; this one refuses any request that names an {@code access_token} in its URL,
 * even with a valid header, so that a client which leaks its key learns at once.
 */
@Priority(Priorities.AUTHENTICATION)
public final class HeaderKeyAuthFilter extends AuthFilter<String, ApiUser> {
  /** The URL parameter that RFC 6750 (and Dropwizard) would read a key from. */
  public static final String URL_KEY_PARAMETER = "access_token";

  private HeaderKeyAuthFilter() {}

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo().getQueryParameters().containsKey(URL_KEY_PARAMETER)) {
      throw new WebApplicationException(
          Response.fromResponse(
                  Problem.response(
                      401,
                      "UNAUTHENTICATED",
                      "API keys are accepted only in the Authorization header, never in the URL;"
                          + " treat a key that was sent in a URL as disclosed and replace it",
                      null))
              .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
              .build());
    }
    String key = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (!authenticate(request, key, "Bearer")) {
      throw unauthorizedHandler.buildException(prefix, realm);
    }
  }

  /**
   * The key after {@code <prefix> }, or null when the header is missing or names another scheme.
   */
  private String credentials(String header) {
    if (header == null) {
      return null;
    }
    int space = header.indexOf(' ');
    if (space <= 0 || !header.substring(0, space).equalsIgnoreCase(prefix)) {
      return null;
    }
    String key = header.substring(space + 1).strip();
    return key.isEmpty() ? null : key;
  }

  /** Builds the filter: authenticator, authorizer, prefix ({@code Bearer}), realm, handler. */
  public static final class Builder
      extends AuthFilterBuilder<String, ApiUser, HeaderKeyAuthFilter> {
    @Override
    protected HeaderKeyAuthFilter newInstance() {
      return new HeaderKeyAuthFilter();
    }
  }
}
