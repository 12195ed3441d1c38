package io.tradeledger.api.filters;

import io.tradeledger.api.errors.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key (each key is one authenticated API user): {@code perSecond} requests
 * on average and {@code burst} at once. A request over the limit is refused with 429 {@code
 * RATE_LIMITED} and a Retry-After of the whole seconds until the key may send again. Runs after
 * authentication, so requests without a valid key are answered 401 and cost no key anything.
 */
@Priority(Priorities.AUTHENTICATION + 500)
public final class KeyRateLimit implements ContainerRequestFilter {
  private final double perSecond;
  private final int burst;
  private final LongSupplier clockNanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public KeyRateLimit(double perSecond, int burst) {
    this(perSecond, burst, System::nanoTime);
  }

  KeyRateLimit(double perSecond, int burst, LongSupplier clockNanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clockNanos = clockNanos;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Principal user =
        request.getSecurityContext() == null
            ? null
            : request.getSecurityContext().getUserPrincipal();
    if (user == null) {
      return;
    }
    long waitNanos =
        buckets.computeIfAbsent(user.getName(), name -> new Bucket()).take(clockNanos.getAsLong());
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      Response problem =
          Problem.response(
              429,
              "RATE_LIMITED",
              "this API key sent more than "
                  + perSecond
                  + " requests per second (bursts of "
                  + burst
                  + "); retry after "
                  + seconds
                  + " s",
              null);
      throw new WebApplicationException(
          Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build());
    }
  }

  /** One key's tokens; full at first. */
  private final class Bucket {
    private double tokens = burst;
    private long updated = Long.MIN_VALUE;

    /** Takes a token; 0 when there was one, otherwise the nanoseconds until there is. */
    synchronized long take(long now) {
      if (updated != Long.MIN_VALUE) {
        tokens = Math.min(burst, tokens + (now - updated) * perSecond / 1e9);
      }
      updated = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) * 1e9 / perSecond);
    }
  }
}
