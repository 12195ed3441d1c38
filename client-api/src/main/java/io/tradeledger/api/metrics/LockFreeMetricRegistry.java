package io.tradeledger.api.metrics;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/**
 * The service's metric registry: every timer and histogram it creates, those of Dropwizard's Jetty
 * instrumentation included (several per request), samples into a {@link
 * LockFreeExponentiallyDecayingReservoir}. That is the same forward-decaying sample as the default
 * reservoir's, without its lock and its sorted map, which every request updated several times.
 * Names, metrics and the admin port's /metrics are unchanged.
 */
public final class LockFreeMetricRegistry extends MetricRegistry {
  @Override
  public Timer timer(String name) {
    return timer(name, () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
  }

  @Override
  public Histogram histogram(String name) {
    return histogram(
        name, () -> new Histogram(LockFreeExponentiallyDecayingReservoir.builder().build()));
  }
}
