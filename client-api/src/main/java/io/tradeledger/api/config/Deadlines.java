package io.tradeledger.api.config;

import io.dropwizard.util.Duration;

/**
 * How long each kind of Gateway call may take; any left out of the configuration keeps its default.
 * A submission whose commit status is not known after {@code commitStatus} is reported as 504 with
 * its transaction id.
 */
public record Deadlines(
    Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {
  public Deadlines {
    evaluate = evaluate == null ? Duration.seconds(5) : evaluate;
    endorse = endorse == null ? Duration.seconds(15) : endorse;
    submit = submit == null ? Duration.seconds(5) : submit;
    commitStatus = commitStatus == null ? Duration.seconds(60) : commitStatus;
  }

  public static Deadlines defaults() {
    return new Deadlines(null, null, null, null);
  }
}
