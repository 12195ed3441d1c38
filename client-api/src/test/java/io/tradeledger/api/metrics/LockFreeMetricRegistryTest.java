package io.tradeledger.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Timer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Timers and histograms behave as the default registry's: one per name, every value counted. */
class LockFreeMetricRegistryTest {
  private final LockFreeMetricRegistry registry = new LockFreeMetricRegistry();

  @Test
  void a_name_has_one_timer_which_counts_and_samples_every_update() {
    Timer timer = registry.timer("ledger.evaluate.orders:GetOrder");
    for (int millis = 1; millis <= 100; millis++) {
      timer.update(millis, TimeUnit.MILLISECONDS);
    }

    assertThat(registry.timer("ledger.evaluate.orders:GetOrder")).isSameAs(timer);
    assertThat(registry.getTimers()).containsOnlyKeys("ledger.evaluate.orders:GetOrder");
    assertThat(timer.getCount()).isEqualTo(100);
    assertThat(timer.getSnapshot().getMax()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    assertThat(timer.getSnapshot().getMedian())
        .isBetween(
            (double) TimeUnit.MILLISECONDS.toNanos(49), (double) TimeUnit.MILLISECONDS.toNanos(51));
  }

  @Test
  void a_name_has_one_histogram_which_counts_and_samples_every_update() {
    Histogram histogram = registry.histogram("sizes");
    for (int size = 1; size <= 10; size++) {
      histogram.update(size);
    }

    assertThat(registry.histogram("sizes")).isSameAs(histogram);
    assertThat(histogram.getCount()).isEqualTo(10);
    assertThat(histogram.getSnapshot().getMin()).isEqualTo(1);
    assertThat(histogram.getSnapshot().getMax()).isEqualTo(10);
  }
}
