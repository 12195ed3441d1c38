package io.tradeledger.contract;

/**
 * A payment milestone as the order defines it: its share of the total in basis points (1/100 of a
 * percent), its trigger and how many days after the trigger it is due. {@code proRata} (optional,
 * shipment triggers only) lets it fall due in part as split shipments reach the trigger, instead of
 * once they cover the whole order; absent (or false, stored as absent) means the whole order.
 */
public record MilestoneTerms(
    String milestoneId,
    int shareBasisPoints,
    MilestoneTrigger trigger,
    int daysDue,
    Boolean proRata) {
  public static final int WHOLE = 10_000;

  /** A milestone that falls due once the whole order reached its trigger. */
  public MilestoneTerms(
      String milestoneId, int shareBasisPoints, MilestoneTrigger trigger, int daysDue) {
    this(milestoneId, shareBasisPoints, trigger, daysDue, null);
  }

  public MilestoneTerms {
    Checks.id("milestoneId", milestoneId);
    Checks.range("shareBasisPoints", shareBasisPoints, 1, WHOLE);
    Checks.present("trigger", trigger);
    Checks.range("daysDue", daysDue, 0, 365);
    // false and absent mean the same: keep one form, so the stored bytes stay as before.
    proRata = Boolean.TRUE.equals(proRata) ? Boolean.TRUE : null;
    if (proRata != null && trigger == MilestoneTrigger.ACCEPTANCE) {
      throw Checks.invalid("proRata", "needs a shipment trigger, not ACCEPTANCE");
    }
  }
}
