package io.tradeledger.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The web server's own errors as problems instead of its HTML pages: requests Jetty refuses before
 * any application code (a malformed URI or header, headers too large), and errors a servlet filter
 * sends (a path of the admin port that does not exist). A method Jetty let through to no servlet,
 * one HTTP does not define, is 501 rather than 405, since no resource has an Allow for it.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  /**
   * The methods HTTP defines; the service passes all of them to Jersey, which answers with Allow.
   */
  public static final Set<String> HTTP_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  private final ObjectMapper mapper;

  public ProblemErrorHandler(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ERROR_STATUS) instanceof Integer code) {
      status = code;
    }
    if (status == 405 && !HTTP_METHODS.contains(request.getMethod())) {
      status = 501;
    }
    if (status < 400) {
      status = 500;
    }
    response.setStatus(status);
    response.getHeaders().put(ERROR_CACHE_CONTROL);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.write(true, ByteBuffer.wrap(body(status)), callback);
    return true;
  }

  private byte[] body(int status) {
    return body(mapper, status);
  }

  /** The problem document of a status the web server or a servlet answers by itself. */
  public static byte[] body(ObjectMapper mapper, int status) {
    ServerErrors.Known known = ServerErrors.of(status);
    String title = HttpStatus.getMessage(status);
    try {
      return mapper.writeValueAsBytes(
          new Problem("about:blank", title, status, known.detail(), known.code(), null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem is always serializable", e);
    }
  }
}
