package io.tradeledger.api.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyRateLimitTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong clock = new AtomicLong();
  private final KeyRateLimit limit = new KeyRateLimit(4, 2, clock::get);

  /** A request of the given user: only its security context matters to the filter. */
  private static ContainerRequestContext requestOf(String user) {
    Principal principal = () -> user;
    SecurityContext security =
        (SecurityContext)
            Proxy.newProxyInstance(
                KeyRateLimitTest.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class},
                (proxy, method, args) ->
                    method.getName().equals("getUserPrincipal") ? principal : null);
    return (ContainerRequestContext)
        Proxy.newProxyInstance(
            KeyRateLimitTest.class.getClassLoader(),
            new Class<?>[] {ContainerRequestContext.class},
            (proxy, method, args) ->
                method.getName().equals("getSecurityContext") ? security : null);
  }

  @Test
  void tokens_come_back_at_the_configured_rate() {
    limit.filter(requestOf("alice"));
    limit.filter(requestOf("alice"));
    assertThatThrownBy(() -> limit.filter(requestOf("alice")))
        .isInstanceOfSatisfying(
            WebApplicationException.class,
            e -> {
              assertThat(e.getResponse().getStatus()).isEqualTo(429);
              assertThat(e.getResponse().getHeaderString("Retry-After")).isEqualTo("1");
            });

    clock.addAndGet(SECOND / 4);
    limit.filter(requestOf("alice"));
    assertThatThrownBy(() -> limit.filter(requestOf("alice")))
        .isInstanceOf(WebApplicationException.class);
    limit.filter(requestOf("bob"));
  }
}
