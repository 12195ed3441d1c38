package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Audit;
import io.tradeledger.chaincode.domain.Participant;
import io.tradeledger.chaincode.domain.ParticipantChange;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.ParticipantRepository;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.ParticipantChangeRequest;
import io.tradeledger.contract.ParticipantProfile;
import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.contract.transactions.ContractNames;
import io.tradeledger.contract.transactions.TransactionNames;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contact;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The participant registry: which organizations belong to the consortium and in which roles. The
 * founding members are written once, when the registry is empty; every later change needs the
 * approval of a majority of registered members. Registry entries carry no key-level policy: the
 * chaincode's MAJORITY endorsement policy guards them.
 */
@Contract(
    name = ContractNames.PARTICIPANTS,
    info =
        @Info(
            title = "Trade Ledger participant registry",
            version = "1.0",
            contact = @Contact(name = "Trade Ledger")))
@Default
public final class ParticipantContract implements ContractInterface {
  static final String FOUNDED = "ParticipantsRegistered";
  static final String CHANGE_PROPOSED = "ParticipantChangeProposed";
  static final String CHANGE_APPROVED = "ParticipantChangeApproved";
  static final String CHANGE_APPLIED = "ParticipantChangeApplied";

  /**
   * Writes the founding registry.
   *
   * @param participantsJson JSON array of {@code {mspId, legalName, country, roles}}, 1 to 50
   *     distinct organizations, the caller among them
   * @return the registry as JSON, sorted by MSP ID
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, ACCESS_DENIED (caller not
   *     in the list), REGISTRY_ALREADY_INITIALIZED (a different registry exists; the same one is
   *     returned unchanged)
   */
  @Transaction(name = TransactionNames.REGISTER_FOUNDING_MEMBERS, intent = Transaction.TYPE.SUBMIT)
  public String registerFoundingMembers(Context context, String participantsJson) {
    Tx tx = Tx.of(context);
    List<ParticipantProfile> profiles =
        Checks.list(
                "participants",
                CanonicalJson.<List<ParticipantProfile>>parse(
                    participantsJson, CanonicalJson.listOf(ParticipantProfile.class)),
                1,
                50)
            .stream()
            .sorted(Comparator.comparing(ParticipantProfile::mspId))
            .toList();
    Checks.distinct(
        "participants.mspId", profiles.stream().map(ParticipantProfile::mspId).toList());
    ParticipantRepository participants = new ParticipantRepository(tx.state());
    List<Participant> existing = participants.all();
    if (!existing.isEmpty()) {
      if (existing.stream().map(Participant::profile).toList().equals(profiles)) {
        return CanonicalJson.write(existing);
      }
      throw ErrorCode.REGISTRY_ALREADY_INITIALIZED.exception(
          "the registry already has %d members; changes need majority approval", existing.size());
    }
    if (profiles.stream().noneMatch(profile -> profile.mspId().equals(tx.callerMsp()))) {
      throw ErrorCode.ACCESS_DENIED.exception(
          "the caller %s must be one of the founding members", tx.callerMsp());
    }
    List<Participant> registry =
        profiles.stream()
            .map(profile -> new Participant(profile, Audit.created(tx.caller(), tx.now())))
            .toList();
    registry.forEach(participants::save);
    tx.emit(FOUNDED, Map.of("participants", String.valueOf(registry.size())));
    return CanonicalJson.write(registry);
  }

  /**
   * Proposes adding an organization or replacing its entry; counts as the proposer's approval and
   * is applied at once if that already makes a majority.
   *
   * @param changeJson {@code {changeId, participant: {mspId, legalName, country, roles}}}
   * @return the change as JSON
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, NOT_A_PARTICIPANT,
   *     REGISTRY_NOT_INITIALIZED, CHANGE_CONFLICT (same id, different content)
   */
  @Transaction(name = TransactionNames.PROPOSE_PARTICIPANT_CHANGE, intent = Transaction.TYPE.SUBMIT)
  public String proposeParticipantChange(Context context, String changeJson) {
    Tx tx = Tx.of(context);
    ParticipantChangeRequest request =
        CanonicalJson.parse(changeJson, ParticipantChangeRequest.class);
    ParticipantRepository participants = new ParticipantRepository(tx.state());
    List<Participant> members = participants.all();
    if (members.isEmpty()) {
      throw ErrorCode.REGISTRY_NOT_INITIALIZED.exception("register the founding members first");
    }
    Access.member(tx);
    var existing = participants.findChange(request.changeId());
    if (existing.isPresent()) {
      if (existing.get().participant().equals(request.participant())) {
        return CanonicalJson.write(existing.get());
      }
      throw ErrorCode.CHANGE_CONFLICT.exception(
          "change %s exists with different content", request.changeId());
    }
    ParticipantChange change =
        ParticipantChange.propose(request.changeId(), request.participant(), tx.caller(), tx.now());
    return CanonicalJson.write(decide(tx, participants, members.size(), change, CHANGE_PROPOSED));
  }

  /**
   * Approves a pending change for the caller's organization; applies it when approvals reach a
   * majority of registered members.
   *
   * @param changeId the change's id
   * @return the change as JSON, APPLIED once a majority approved
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, NOT_A_PARTICIPANT,
   *     CHANGE_NOT_FOUND, CHANGE_ALREADY_APPROVED, CHANGE_ALREADY_DECIDED
   */
  @Transaction(name = TransactionNames.APPROVE_PARTICIPANT_CHANGE, intent = Transaction.TYPE.SUBMIT)
  public String approveParticipantChange(Context context, String changeId) {
    Tx tx = Tx.of(context);
    Checks.id("changeId", changeId);
    Access.member(tx);
    ParticipantRepository participants = new ParticipantRepository(tx.state());
    ParticipantChange change =
        participants
            .findChange(changeId)
            .orElseThrow(() -> ErrorCode.CHANGE_NOT_FOUND.exception("no change %s", changeId))
            .approve(tx.caller(), tx.now());
    return CanonicalJson.write(
        decide(tx, participants, participants.all().size(), change, CHANGE_APPROVED));
  }

  /**
   * One registry entry.
   *
   * @return the participant as JSON
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, PARTICIPANT_NOT_FOUND
   */
  @Transaction(name = TransactionNames.GET_PARTICIPANT, intent = Transaction.TYPE.EVALUATE)
  public String getParticipant(Context context, String mspId) {
    Checks.mspId("mspId", mspId);
    return CanonicalJson.write(
        new ParticipantRepository(Tx.of(context).state())
            .find(mspId)
            .orElseThrow(
                () -> ErrorCode.PARTICIPANT_NOT_FOUND.exception("%s is not registered", mspId)));
  }

  /** The whole registry as a JSON array sorted by MSP ID. */
  @Transaction(name = TransactionNames.LIST_PARTICIPANTS, intent = Transaction.TYPE.EVALUATE)
  public String listParticipants(Context context) {
    return CanonicalJson.write(new ParticipantRepository(Tx.of(context).state()).all());
  }

  /**
   * One proposed change.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, CHANGE_NOT_FOUND
   */
  @Transaction(name = TransactionNames.GET_PARTICIPANT_CHANGE, intent = Transaction.TYPE.EVALUATE)
  public String getParticipantChange(Context context, String changeId) {
    Checks.id("changeId", changeId);
    return CanonicalJson.write(
        new ParticipantRepository(Tx.of(context).state())
            .findChange(changeId)
            .orElseThrow(() -> ErrorCode.CHANGE_NOT_FOUND.exception("no change %s", changeId)));
  }

  private static ParticipantChange decide(
      Tx tx,
      ParticipantRepository participants,
      int members,
      ParticipantChange change,
      String eventType) {
    ParticipantChange decided = change;
    String type = eventType;
    if (change.approvedByMajorityOf(members)) {
      decided = change.applied();
      type = CHANGE_APPLIED;
      Audit audit =
          participants
              .find(change.participant().mspId())
              .map(existing -> existing.audit().updated(tx.caller(), tx.now()))
              .orElse(Audit.created(tx.caller(), tx.now()));
      participants.save(new Participant(change.participant(), audit));
    }
    participants.saveChange(decided);
    tx.emit(
        type,
        Map.of(
            "changeId", decided.changeId(),
            "mspId", Objects.requireNonNull(decided.participant().mspId())));
    return decided;
  }
}
