package io.tradeledger.api.filters;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Headers on every response of the application port, the dashboard's pages included: its scripts,
 * styles, images and connections come from this origin only (no inline script, no other host), no
 * other site may frame it, and nothing is sniffed into another media type. The API's JSON is not a
 * page, so the same policy costs it nothing.
 */
public final class SecurityHeaders implements Filter {
  /** The dashboard's Content-Security-Policy: this origin only, nothing inline, no framing. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY",
          "Cross-Origin-Opener-Policy", "same-origin");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (response instanceof HttpServletResponse http) {
      HEADERS.forEach(http::setHeader);
    }
    chain.doFilter(request, response);
  }
}
