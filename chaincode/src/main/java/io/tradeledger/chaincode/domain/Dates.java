package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.errors.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Rules on the calendar dates parties state, against the transaction's time. */
public final class Dates {
  /**
   * The last time zone to end a day (UTC-12). A date is over everywhere on Earth once it is over
   * there; the contract does not know in which zone a party reckons its dates.
   */
  private static final ZoneOffset LAST_ZONE = ZoneOffset.ofHours(-12);

  private Dates() {}

  /**
   * Refuses a date that is already over everywhere on Earth at the transaction's time {@code now}
   * with {@link ErrorCode#DATE_IN_PAST}; today, in any time zone, is accepted.
   */
  public static LocalDate notPast(String field, LocalDate date, Instant now) {
    LocalDate earliestToday = LocalDate.ofInstant(now, LAST_ZONE);
    if (date.isBefore(earliestToday)) {
      throw ErrorCode.DATE_IN_PAST.exception(
          "%s %s is in the past: the transaction is at %s", field, date, now);
    }
    return date;
  }
}
