package io.tradeledger.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradeledger.api.service.InvalidRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Problems for requests refused before the ledger is involved. */
public final class RequestExceptionMappers {
  private static final Logger LOG = LoggerFactory.getLogger(RequestExceptionMappers.class);

  private RequestExceptionMappers() {}

  /** Malformed JSON, unknown properties, wrong types or enum values: 400 INVALID_JSON. */
  public static final class Json implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
      return Problem.response(400, "INVALID_JSON", exception.getOriginalMessage(), null);
    }
  }

  /** The service's own validation: 422 INVALID_INPUT. */
  public static final class Invalid implements ExceptionMapper<InvalidRequest> {
    @Override
    public Response toResponse(InvalidRequest exception) {
      return Problem.response(422, "INVALID_INPUT", exception.getMessage(), null);
    }
  }

  /** Jersey's own errors (401, 403, 404 route, 405, 406, 413, 415) as problems. */
  public static final class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      int status = exception.getResponse().getStatus();
      String code =
          switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 413 -> "BODY_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
          };
      Response response = Problem.response(status, code, exception.getMessage(), null);
      exception
          .getResponse()
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (name.equalsIgnoreCase("WWW-Authenticate") || name.equalsIgnoreCase("Allow")) {
                  values.forEach(value -> response.getHeaders().add(name, value));
                }
              });
      return response;
    }
  }

  /** Anything else: 500, logged, without internals in the body. */
  public static final class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException exception) {
      LOG.error("Unexpected error", exception);
      return Problem.response(500, "INTERNAL_ERROR", "the service failed; see its log", null);
    }
  }
}
