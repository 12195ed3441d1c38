package io.tradeledger.chaincode.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Who created a record and who changed it last, with transaction times. Every stored record carries
 * one, so each version in a record's history names its submitter.
 */
public record Audit(Actor createdBy, Instant createdAt, Actor updatedBy, Instant updatedAt) {
  public Audit {
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedBy, "updatedBy");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public static Audit created(Actor actor, Instant at) {
    return new Audit(actor, at, actor, at);
  }

  public Audit updated(Actor actor, Instant at) {
    return new Audit(createdBy, createdAt, actor, at);
  }
}
