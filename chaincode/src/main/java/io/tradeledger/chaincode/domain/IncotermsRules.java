package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Booking;
import io.tradeledger.contract.Incoterm;
import io.tradeledger.contract.errors.ErrorCode;

/**
 * What the order's Incoterms 2020 rule says about a shipment booked for it: the sea and inland
 * waterway rules (FAS, FOB, CFR, CIF) need a waterborne shipment, and their named place is a port
 * of that shipment (FAS and FOB the port of loading, CFR and CIF the port of discharge).
 */
public final class IncotermsRules {
  private IncotermsRules() {}

  /**
   * Rejects a booking the order's rule does not allow: {@link ErrorCode#INCOTERM_MODE_NOT_ALLOWED}
   * or {@link ErrorCode#INCOTERM_PLACE_MISMATCH}.
   */
  public static void checkBooking(Order order, Booking booking) {
    Incoterm rule = order.incoterm();
    if (rule.seaAndInlandWaterwayOnly() && !booking.mode().isWaterborne()) {
      throw ErrorCode.INCOTERM_MODE_NOT_ALLOWED.exception(
          "%s is for sea and inland waterway transport only, not %s: use FCA, CPT or CIP",
          rule, booking.mode());
    }
    if (rule.placeIsPortOfLoading() && !order.incotermPlace().equals(booking.portOfLoading())) {
      throw ErrorCode.INCOTERM_PLACE_MISMATCH.exception(
          "%s %s names the port of loading, but the shipment loads at %s",
          rule, order.incotermPlace(), booking.portOfLoading());
    }
    if (rule.placeIsPortOfDischarge() && !order.incotermPlace().equals(booking.portOfDischarge())) {
      throw ErrorCode.INCOTERM_PLACE_MISMATCH.exception(
          "%s %s names the port of discharge, but the shipment discharges at %s",
          rule, order.incotermPlace(), booking.portOfDischarge());
    }
  }
}
