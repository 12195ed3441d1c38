package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.ParticipantProfile;
import io.tradeledger.contract.Role;
import java.util.Objects;

/** A registered member of the consortium. */
public record Participant(ParticipantProfile profile, Audit audit) {
  public Participant {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(audit, "audit");
  }

  public String mspId() {
    return profile.mspId();
  }

  public boolean hasRole(Role role) {
    return profile.hasRole(role);
  }
}
