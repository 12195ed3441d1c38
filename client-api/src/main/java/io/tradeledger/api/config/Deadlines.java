package io.tradeledger.api.config;

import io.dropwizard.util.Duration;

/**
 * How long each kind of Gateway call may take, and {@code request}, how long a submission may take
 * in all, its MVCC retries included (each call gets its own deadline or what is left of the
 * request's, whichever is sooner); any left out of the configuration keeps its default. A
 * submission whose commit status is not known in time is reported as 504 with its transaction id.
 */
public record Deadlines(
    Duration evaluate, Duration endorse, Duration submit, Duration commitStatus, Duration request) {
  public Deadlines {
    evaluate = evaluate == null ? Duration.seconds(5) : evaluate;
    endorse = endorse == null ? Duration.seconds(15) : endorse;
    submit = submit == null ? Duration.seconds(5) : submit;
    commitStatus = commitStatus == null ? Duration.seconds(60) : commitStatus;
    request = request == null ? Duration.seconds(60) : request;
    if (request.toMilliseconds() < 1) {
      throw new IllegalArgumentException("the request deadline must be positive");
    }
  }

  public static Deadlines defaults() {
    return new Deadlines(null, null, null, null, null);
  }
}
