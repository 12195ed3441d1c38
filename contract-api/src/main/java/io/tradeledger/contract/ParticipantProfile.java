package io.tradeledger.contract;

import java.util.List;

/**
 * What the registry says of an organization: its MSP ID, legal name, ISO 3166 country and roles
 * (sorted, at least one).
 */
public record ParticipantProfile(String mspId, String legalName, String country, List<Role> roles) {
  /** The longest legal name. */
  public static final int MAX_LEGAL_NAME = 200;

  public ParticipantProfile {
    Checks.mspId("mspId", mspId);
    Checks.text("legalName", legalName, MAX_LEGAL_NAME);
    Checks.country("country", country);
    roles = Checks.distinct("roles", Checks.list("roles", roles, 1, Role.values().length));
    roles = roles.stream().sorted().toList();
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
