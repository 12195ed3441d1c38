package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.ParticipantProfile;
import io.tradeledger.contract.errors.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which customs authority decides an import declaration and which goods it may declare. The country
 * of import is the country of the shipment's port of discharge or of the order's destination (the
 * goods may be cleared where they are discharged or, after transit, at destination); a UN/LOCODE's
 * first two letters are its ISO 3166 country.
 */
public final class CustomsRules {
  /** The first six digits of an HS code: the internationally harmonized subheading. */
  static final int HARMONIZED_DIGITS = 6;

  private CustomsRules() {}

  /** The countries whose customs authority may decide an import declaration of the shipment. */
  public static Set<String> importCountries(Order order, Shipment shipment) {
    return new TreeSet<>(
        List.of(shipment.portOfDischarge().substring(0, 2), order.destination().substring(0, 2)));
  }

  /**
   * Rejects an authority registered in another country with {@link
   * ErrorCode#CUSTOMS_NOT_COUNTRY_OF_IMPORT}.
   */
  public static void checkAuthority(Order order, Shipment shipment, ParticipantProfile customs) {
    Set<String> countries = importCountries(order, shipment);
    if (!countries.contains(customs.country())) {
      throw ErrorCode.CUSTOMS_NOT_COUNTRY_OF_IMPORT.exception(
          "%s is the customs authority of %s; the goods of shipment %s are imported into %s",
          customs.mspId(),
          customs.country(),
          shipment.shipmentId(),
          String.join(" or ", countries));
    }
  }

  /**
   * Rejects a declared HS code whose six-digit subheading is not one of the order's lines, with
   * {@link ErrorCode#DECLARATION_HS_CODE_MISMATCH}. National digits beyond the sixth may differ:
   * the exporter's and the importer's tariffs subdivide the subheading differently.
   */
  public static void checkHsCodes(Order order, List<String> hsCodes) {
    Set<String> ordered = new TreeSet<>();
    order.lines().forEach(line -> ordered.add(subheading(line.hsCode())));
    for (String code : hsCodes) {
      if (!ordered.contains(subheading(code))) {
        throw ErrorCode.DECLARATION_HS_CODE_MISMATCH.exception(
            "HS code %s is not the code of a line of order %s (%s)",
            code, order.orderId(), String.join(", ", ordered));
      }
    }
  }

  private static String subheading(String hsCode) {
    return hsCode.substring(0, HARMONIZED_DIGITS);
  }
}
