package io.tradeledger.api.errors;

import io.tradeledger.api.ledger.LedgerException;
import io.tradeledger.api.ledger.LedgerRejection;
import io.tradeledger.api.ledger.LedgerUnavailable;
import io.tradeledger.api.ledger.OutcomeUnknown;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ledger failures as problems: a contract's code with its status and the contract's message, 503
 * for an unreachable peer, 504 with the transaction id when a submission's outcome is still
 * unknown. An answer this service does not know (502) keeps its code, but its text, the peer's or
 * the chaincode's raw response, goes to the log and never to the client.
 */
public final class LedgerExceptionMapper implements ExceptionMapper<LedgerException> {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerExceptionMapper.class);

  static final String UNKNOWN_ANSWER =
      "the ledger answered with an error this service does not know; the service's log has it";

  @Override
  public Response toResponse(LedgerException exception) {
    if (exception instanceof LedgerRejection rejection) {
      int status = ErrorStatus.of(rejection.code());
      if (status == 502) {
        LOG.warn(
            "Unknown ledger answer {} (transaction {}): {}",
            rejection.code(),
            rejection.transactionId(),
            rejection.detail());
        return Problem.response(
            status, rejection.code(), UNKNOWN_ANSWER, rejection.transactionId());
      }
      return Problem.response(
          status, rejection.code(), rejection.detail(), rejection.transactionId());
    }
    int status =
        exception instanceof OutcomeUnknown
            ? 504
            : exception instanceof LedgerUnavailable ? 503 : 502;
    return Problem.response(
        status, exception.code(), exception.getMessage(), exception.transactionId());
  }
}
