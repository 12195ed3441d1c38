package io.tradeledger.api.errors;

import java.util.Map;

/**
 * The stable code and a detail written for the client of each status the web server or Jersey may
 * answer by itself, so that their answers read like every other problem of this service.
 */
public final class ServerErrors {
  private static final Map<Integer, Known> KNOWN =
      Map.ofEntries(
          Map.entry(
              400,
              new Known(
                  "INVALID_REQUEST",
                  "the request is malformed: its URI, a header, a parameter or its framing")),
          Map.entry(401, new Known("UNAUTHENTICATED", "send 'Authorization: Bearer <API key>'")),
          Map.entry(403, new Known("FORBIDDEN", "this API key may not do this")),
          Map.entry(404, new Known("NOT_FOUND", "there is nothing at this path")),
          Map.entry(
              405, new Known("METHOD_NOT_ALLOWED", "this method is not allowed here; see Allow")),
          Map.entry(
              406,
              new Known("NOT_ACCEPTABLE", "this path cannot answer in the media type asked for")),
          Map.entry(411, new Known("LENGTH_REQUIRED", "the request needs a Content-Length")),
          Map.entry(413, new Known("BODY_TOO_LARGE", "the request body is too large")),
          Map.entry(414, new Known("URI_TOO_LONG", "the request URI is too long")),
          Map.entry(
              415,
              new Known("UNSUPPORTED_MEDIA_TYPE", "this path does not take the body's media type")),
          Map.entry(
              431, new Known("HEADERS_TOO_LARGE", "the request's header fields are too large")),
          Map.entry(500, new Known("INTERNAL_ERROR", "the service failed; see its log")),
          Map.entry(
              501,
              new Known("NOT_IMPLEMENTED", "this service does not implement the request's method")),
          Map.entry(
              503,
              new Known("SERVICE_UNAVAILABLE", "the service is not answering now; retry later")));

  private ServerErrors() {}

  /** A status's code and detail: known ones from the table, others {@code HTTP_<status>}. */
  public static Known of(int status) {
    Known known = KNOWN.get(status);
    return known != null ? known : new Known("HTTP_" + status, "the request failed");
  }

  /** A stable code and its detail. */
  public record Known(String code, String detail) {}
}
