package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.Participant;
import io.tradeledger.chaincode.domain.ParticipantChange;
import java.util.List;
import java.util.Optional;

/**
 * Registry entries under {@code participant/<mspId>}, changes under {@code
 * participant-change/<id>}.
 */
public final class ParticipantRepository {
  static final String PARTICIPANT = "participant";
  static final String CHANGE = "participant-change";

  private final LedgerState state;

  public ParticipantRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<Participant> find(String mspId) {
    return state.get(key(mspId), Participant.class);
  }

  public List<Participant> all() {
    return state.list(PARTICIPANT, Participant.class);
  }

  public void save(Participant participant) {
    state.put(key(participant.mspId()), participant);
  }

  public Optional<ParticipantChange> findChange(String changeId) {
    return state.get(state.key(CHANGE, changeId), ParticipantChange.class);
  }

  public void saveChange(ParticipantChange change) {
    state.put(state.key(CHANGE, change.changeId()), change);
  }

  public String key(String mspId) {
    return state.key(PARTICIPANT, mspId);
  }
}
