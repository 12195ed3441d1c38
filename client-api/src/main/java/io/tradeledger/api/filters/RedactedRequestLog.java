package io.tradeledger.api.filters;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.jetty.MutableServletContextHandler;
import io.dropwizard.request.logging.LogbackAccessRequestLogAwareHandler;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.request.logging.RequestLogFactory;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.component.ContainerLifeCycle;

/**
 * The request log with credentials taken out of every logged URL: the value of any query parameter
 * whose name holds {@code token} or {@code key} ({@code access_token}, {@code api_key}, ...) is
 * written as {@code REDACTED}. The service never reads a key from a URL, but a client may still
 * send one there, and the request log would keep it.
 */
public final class RedactedRequestLog extends ContainerLifeCycle implements RequestLog {
  static final String REDACTED = "REDACTED";
  private static final Pattern CREDENTIAL = Pattern.compile(".*(token|key).*");

  private final RequestLog log;

  RedactedRequestLog(RequestLog log) {
    this.log = log;
    addBean(log);
  }

  /**
   * Makes the server's request log, whatever its configuration, redact credentials. Call it in
   * {@code Application.run}, before the server is built.
   */
  public static void install(AbstractServerFactory server, MutableServletContextHandler context) {
    RequestLogFactory<?> configured = server.getRequestLogFactory();
    if (configured instanceof LogbackAccessRequestLogFactory && configured.isEnabled()) {
      // What Dropwizard adds for its own request log, which it recognises by its exact class.
      context.insertHandler(new LogbackAccessRequestLogAwareHandler());
    }
    server.setRequestLogFactory(new Factory(configured));
  }

  @Override
  public void log(Request request, Response response) {
    HttpURI uri = request.getHttpURI();
    String query = uri.getQuery();
    String redacted = redact(query);
    if (redacted == null || redacted.equals(query)) {
      log.log(request, response);
      return;
    }
    HttpURI logged = HttpURI.build(uri).query(redacted).asImmutable();
    log.log(
        new Request.Wrapper(request) {
          @Override
          public HttpURI getHttpURI() {
            return logged;
          }
        },
        response);
  }

  /** The query with the values of credential-like parameters replaced; null stays null. */
  static String redact(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder result = new StringBuilder(query.length());
    for (String parameter : query.split("&", -1)) {
      if (!result.isEmpty()) {
        result.append('&');
      }
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      if (CREDENTIAL.matcher(decoded(name).toLowerCase(Locale.ROOT)).matches()) {
        result.append(name).append('=').append(REDACTED);
      } else {
        result.append(parameter);
      }
    }
    return result.toString();
  }

  private static String decoded(String name) {
    try {
      return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  /** Builds the configured request log and wraps it. */
  private record Factory(RequestLogFactory<?> configured) implements RequestLogFactory<RequestLog> {
    @Override
    public boolean isEnabled() {
      return configured.isEnabled();
    }

    @Override
    public RequestLog build(String name) {
      return new RedactedRequestLog(configured.build(name));
    }
  }
}
