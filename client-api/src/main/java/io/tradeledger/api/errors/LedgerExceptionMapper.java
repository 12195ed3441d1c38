package io.tradeledger.api.errors;

import io.tradeledger.api.ledger.LedgerException;
import io.tradeledger.api.ledger.LedgerRejection;
import io.tradeledger.api.ledger.LedgerUnavailable;
import io.tradeledger.api.ledger.OutcomeUnknown;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Ledger failures as problems: a contract's code with its status, 503 for an unreachable peer, 504
 * with the transaction id when a submission's outcome is still unknown.
 */
public final class LedgerExceptionMapper implements ExceptionMapper<LedgerException> {
  @Override
  public Response toResponse(LedgerException exception) {
    if (exception instanceof LedgerRejection rejection) {
      return Problem.response(
          ErrorStatus.of(rejection.code()),
          rejection.code(),
          rejection.detail(),
          rejection.transactionId());
    }
    int status =
        exception instanceof OutcomeUnknown
            ? 504
            : exception instanceof LedgerUnavailable ? 503 : 502;
    return Problem.response(
        status, exception.code(), exception.getMessage(), exception.transactionId());
  }
}
