package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Participant;
import io.tradeledger.chaincode.state.ParticipantRepository;
import io.tradeledger.contract.Role;
import io.tradeledger.contract.errors.ErrorCode;

/** Caller and counterparty checks against the participant registry. */
public final class Access {
  private Access() {}

  /** The caller's registry entry, or {@link ErrorCode#NOT_A_PARTICIPANT}. */
  public static Participant member(Tx tx) {
    return new ParticipantRepository(tx.state())
        .find(tx.callerMsp())
        .orElseThrow(
            () ->
                ErrorCode.NOT_A_PARTICIPANT.exception(
                    "%s is not in the participant registry", tx.callerMsp()));
  }

  /** The caller's registry entry if it holds {@code role}, or {@link ErrorCode#ROLE_REQUIRED}. */
  public static Participant withRole(Tx tx, Role role) {
    Participant caller = member(tx);
    if (!caller.hasRole(role)) {
      throw ErrorCode.ROLE_REQUIRED.exception("%s does not have role %s", tx.callerMsp(), role);
    }
    return caller;
  }

  /** Rejects a caller that is not {@code mspId} with {@link ErrorCode#ACCESS_DENIED}. */
  public static void requireCaller(Tx tx, String mspId, String responsibility) {
    if (!tx.callerMsp().equals(mspId)) {
      throw ErrorCode.ACCESS_DENIED.exception(
          "only %s, the %s, may do this; caller is %s", mspId, responsibility, tx.callerMsp());
    }
  }

  /**
   * A counterparty named in the input: it must be registered ({@link
   * ErrorCode#PARTICIPANT_NOT_FOUND}) and hold {@code role} ({@link ErrorCode#ROLE_REQUIRED}).
   */
  public static Participant counterparty(Tx tx, String mspId, Role role) {
    Participant participant = counterparty(tx, mspId);
    if (!participant.hasRole(role)) {
      throw ErrorCode.ROLE_REQUIRED.exception("%s does not have role %s", mspId, role);
    }
    return participant;
  }

  /** A counterparty named in the input, whatever its roles: it must be registered. */
  public static Participant counterparty(Tx tx, String mspId) {
    return new ParticipantRepository(tx.state())
        .find(mspId)
        .orElseThrow(
            () ->
                ErrorCode.PARTICIPANT_NOT_FOUND.exception(
                    "%s is not in the participant registry", mspId));
  }
}
