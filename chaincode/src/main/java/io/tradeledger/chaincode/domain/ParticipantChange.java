package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Checks;
import io.tradeledger.contract.ParticipantProfile;
import io.tradeledger.contract.errors.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A proposed addition or change of a registry entry, applied once a majority of registered members
 * approved it.
 */
public record ParticipantChange(
    String changeId,
    ParticipantProfile participant,
    List<String> approvals,
    Status status,
    Audit audit) {
  public enum Status {
    PENDING,
    APPLIED
  }

  public ParticipantChange {
    Checks.id("changeId", changeId);
    Objects.requireNonNull(participant, "participant");
    approvals = approvals.stream().sorted().distinct().toList();
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(audit, "audit");
  }

  public static ParticipantChange propose(
      String changeId, ParticipantProfile participant, Actor proposer, java.time.Instant at) {
    return new ParticipantChange(
        changeId,
        participant,
        List.of(proposer.mspId()),
        Status.PENDING,
        Audit.created(proposer, at));
  }

  /** The change with one more approval; rejects a second approval or one after application. */
  public ParticipantChange approve(Actor approver, java.time.Instant at) {
    if (status != Status.PENDING) {
      throw ErrorCode.CHANGE_ALREADY_DECIDED.exception("change %s is already %s", changeId, status);
    }
    if (approvals.contains(approver.mspId())) {
      throw ErrorCode.CHANGE_ALREADY_APPROVED.exception(
          "%s already approved change %s", approver.mspId(), changeId);
    }
    return with(
        Stream.concat(approvals.stream(), Stream.of(approver.mspId())).toList(),
        status,
        audit.updated(approver, at));
  }

  /** Whether the approvals are a strict majority of {@code members} registered members. */
  public boolean approvedByMajorityOf(int members) {
    return approvals.size() * 2 > members;
  }

  public ParticipantChange applied() {
    return with(approvals, Status.APPLIED, audit);
  }

  private ParticipantChange with(List<String> newApprovals, Status newStatus, Audit newAudit) {
    return new ParticipantChange(changeId, participant, newApprovals, newStatus, newAudit);
  }
}
