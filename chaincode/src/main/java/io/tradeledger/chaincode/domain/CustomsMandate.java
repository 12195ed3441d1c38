package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * A customs mandate (power of attorney): the importer of record ({@code grantorMsp}) authorizes a
 * customs representative ({@code representativeMsp}), such as a customs broker or a forwarder, to
 * lodge import declarations in its name. Only the grantor grants or revokes it; while it is ACTIVE
 * the representative may file declarations for the grantor's shipments. {@code revokedAt} is the
 * transaction time of the revocation.
 */
public record CustomsMandate(
    String grantorMsp, String representativeMsp, boolean active, Instant revokedAt, Audit audit) {
  public CustomsMandate {
    Checks.mspId("grantorMsp", grantorMsp);
    Checks.mspId("representativeMsp", representativeMsp);
    if (grantorMsp.equals(representativeMsp)) {
      throw Checks.invalid("representativeMsp", "must be another organization than the grantor");
    }
    Objects.requireNonNull(audit, "audit");
  }

  /** A new active mandate. */
  public static CustomsMandate grant(String grantorMsp, String representativeMsp, Audit audit) {
    return new CustomsMandate(grantorMsp, representativeMsp, true, null, audit);
  }

  /** The mandate active again after a revocation. */
  public CustomsMandate regranted(Actor actor, Instant at) {
    return with(true, null, actor, at);
  }

  public CustomsMandate revoked(Actor actor, Instant at) {
    return with(false, at, actor, at);
  }

  private CustomsMandate with(boolean nowActive, Instant revoked, Actor actor, Instant at) {
    return new CustomsMandate(
        grantorMsp, representativeMsp, nowActive, revoked, audit.updated(actor, at));
  }
}
