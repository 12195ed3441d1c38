package io.tradeledger.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem: every error this service returns, with the contract's stable {@code code}
 * and, when a transaction was created, its id {@code txId} (named as in the contract's events).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String code, String txId) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public static Response response(int status, String code, String detail, String transactionId) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    return Response.status(status)
        .type(MediaType.valueOf(MEDIA_TYPE))
        .entity(new Problem("about:blank", title, status, detail, code, transactionId))
        .build();
  }
}
