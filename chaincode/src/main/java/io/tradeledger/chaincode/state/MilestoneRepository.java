package io.tradeledger.chaincode.state;

import io.tradeledger.chaincode.domain.Milestone;
import java.util.List;
import java.util.Optional;

/** Payment milestones under {@code milestone/<orderId>/<milestoneId>}. */
public final class MilestoneRepository {
  static final String MILESTONE = "milestone";

  private final LedgerState state;

  public MilestoneRepository(LedgerState state) {
    this.state = state;
  }

  public Optional<Milestone> find(String orderId, String milestoneId) {
    return state.get(key(orderId, milestoneId), Milestone.class);
  }

  /** The order's milestones in milestone id order. */
  public List<Milestone> findByOrder(String orderId) {
    return state.list(MILESTONE, Milestone.class, orderId);
  }

  /** The ids of the order's milestones, in milestone id order. */
  List<String> idsByOrder(String orderId) {
    return state.indexed(MILESTONE, orderId);
  }

  public void save(Milestone milestone) {
    state.put(key(milestone.orderId(), milestone.milestoneId()), milestone);
  }

  public String key(String orderId, String milestoneId) {
    return state.key(MILESTONE, orderId, milestoneId);
  }
}
