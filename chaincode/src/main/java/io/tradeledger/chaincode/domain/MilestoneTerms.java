package io.tradeledger.chaincode.domain;

/**
 * A payment milestone as the order defines it: its share of the total in basis points (1/100 of a
 * percent), its trigger and how many days after the trigger it is due.
 */
public record MilestoneTerms(
    String milestoneId, int shareBasisPoints, MilestoneTrigger trigger, int daysDue) {
  public static final int WHOLE = 10_000;

  public MilestoneTerms {
    Checks.id("milestoneId", milestoneId);
    Checks.range("shareBasisPoints", shareBasisPoints, 1, WHOLE);
    Checks.present("trigger", trigger);
    Checks.range("daysDue", daysDue, 0, 365);
  }
}
