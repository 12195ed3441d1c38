package io.tradeledger.api.filters;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeledger.api.errors.Problem;
import io.tradeledger.api.errors.ProblemErrorHandler;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The dashboard's asset servlet answers a missing file with a bare status after resetting the
 * response (and a range it cannot serve with {@code sendError}): an empty answer without the
 * security headers. This filter makes every such error the service's problem document ({@code 404
 * NOT_FOUND}, ...), with the headers of {@link SecurityHeaders}, like every other error.
 */
public final class AssetErrors implements Filter {
  private final ObjectMapper mapper;

  public AssetErrors(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (response instanceof HttpServletResponse http) {
      chain.doFilter(request, new Problems(http));
    } else {
      chain.doFilter(request, response);
    }
  }

  private final class Problems extends HttpServletResponseWrapper {
    private final HttpServletResponse http;

    Problems(HttpServletResponse http) {
      super(http);
      this.http = http;
    }

    @Override
    public void setStatus(int status) {
      if (status < 400) {
        super.setStatus(status);
        return;
      }
      try {
        problem(status);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (status < 400) {
        super.sendError(status);
      } else {
        problem(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      sendError(status);
    }

    private void problem(int status) throws IOException {
      byte[] body = ProblemErrorHandler.body(mapper, status);
      http.setStatus(status);
      SecurityHeaders.HEADERS.forEach(http::setHeader);
      http.setHeader("Cache-Control", "no-store");
      http.setContentType(Problem.MEDIA_TYPE);
      http.setContentLength(body.length);
      http.getOutputStream().write(body);
    }
  }
}
