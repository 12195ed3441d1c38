package io.tradeledger.contract;

/** A proposal to add an organization or change its entry. */
public record ParticipantChangeRequest(String changeId, ParticipantProfile participant) {
  public ParticipantChangeRequest {
    Checks.id("changeId", changeId);
    Checks.present("participant", participant);
  }
}
