package io.tradeledger.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradeledger.api.service.InvalidRequest;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.contract.errors.ContractViolation;
import io.tradeledger.contract.errors.Violation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Problems for requests refused before the ledger is involved. */
public final class RequestExceptionMappers {
  private static final Logger LOG = LoggerFactory.getLogger(RequestExceptionMappers.class);

  private RequestExceptionMappers() {}

  /**
   * Malformed JSON, unknown properties, wrong types or enum values: 400 INVALID_JSON. The parser
   * also wraps what broke off its reading, such as a body over the size limit (413).
   */
  public static final class Json implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
      Optional<Violation> violation = LedgerService.violation(exception);
      if (violation.isPresent()) {
        return Contract.response(violation.get());
      }
      return webCause(exception)
          .orElseGet(
              () -> Problem.response(400, "INVALID_JSON", exception.getOriginalMessage(), null));
    }
  }

  /**
   * A contract rule that a request broke before reaching the ledger (a record of contract-api
   * checks itself as it is read): the same code and status the contract would answer with.
   */
  public static final class Contract implements ExceptionMapper<ContractViolation> {
    @Override
    public Response toResponse(ContractViolation exception) {
      return response(exception.violation());
    }

    static Response response(Violation violation) {
      String code = violation.code().name();
      return Problem.response(ErrorStatus.of(code), code, violation.detail(), null);
    }
  }

  /** The response of a {@link WebApplicationException} that caused {@code exception}, if any. */
  private static Optional<Response> webCause(Throwable exception) {
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException web) {
        return Optional.of(new Web().toResponse(web));
      }
    }
    return Optional.empty();
  }

  /** The service's own validation: 422 INVALID_INPUT, or 400 INVALID_JSON for a malformed body. */
  public static final class Invalid implements ExceptionMapper<InvalidRequest> {
    @Override
    public Response toResponse(InvalidRequest exception) {
      return exception.malformed()
          ? Problem.response(400, "INVALID_JSON", exception.getMessage(), null)
          : Problem.response(422, "INVALID_INPUT", exception.getMessage(), null);
    }
  }

  /**
   * Jersey's own errors (400 for a bad path, query or form parameter, 401, 403, 404 route, 405,
   * 406, 413, 415) as problems; an exception that already carries a problem keeps it.
   */
  public static final class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      if (exception.getResponse().getEntity() instanceof Problem) {
        return exception.getResponse();
      }
      int status = exception.getResponse().getStatus();
      ServerErrors.Known known = ServerErrors.of(status);
      String message = exception.getMessage();
      // Jersey's own messages only repeat the status ("HTTP 405 Method Not Allowed").
      String detail =
          message == null || message.startsWith("HTTP " + status) ? known.detail() : message;
      Response response = Problem.response(status, known.code(), detail, null);
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

  /** Anything else: 500, logged, without internals in the body (unless a web error caused it). */
  public static final class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException exception) {
      Optional<Response> web = webCause(exception);
      if (web.isPresent()) {
        return web.get();
      }
      LOG.error("Unexpected error", exception);
      return Problem.response(500, "INTERNAL_ERROR", "the service failed; see its log", null);
    }
  }
}
