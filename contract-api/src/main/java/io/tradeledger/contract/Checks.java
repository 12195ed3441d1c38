package io.tradeledger.contract;

import io.tradeledger.contract.errors.ErrorCode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Input rules shared by every record. Each check names the field it rejects, throws {@link
 * ErrorCode#INVALID_INPUT} and returns the value it accepted, so records can validate in their
 * compact constructors: {@code orderId = Checks.id("orderId", orderId);}.
 */
public final class Checks {
  /** Identifiers chosen by clients. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  // The patterns are public so that client-api's OpenAPI document states the same rules.
  public static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** A UN/LOCODE's shape; its first two letters must also be an ISO 3166 country. */
  public static final Pattern LOCODE = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");

  public static final Pattern HS_CODE = Pattern.compile("[0-9]{6,10}");
  public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  public static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

  /** A page size as text; its value is then checked against the listing's maximum. */
  private static final Pattern PAGE_SIZE = Pattern.compile("[0-9]{1,4}");

  /** An ISO 6346 container number's shape; its last digit must also be the check digit. */
  public static final Pattern CONTAINER = Pattern.compile("[A-Z]{3}[UJZ][0-9]{7}");

  /** Longest free text accepted (descriptions, reasons, names). */
  public static final int MAX_TEXT = 512;

  private Checks() {}

  /** The ISO 3166-1 alpha-2 countries {@link #country} and {@link #locode} accept, sorted. */
  public static List<String> countries() {
    return ReferenceData.COUNTRIES.stream().sorted().toList();
  }

  /** The UN/ECE Recommendation 20 units {@link #unit} accepts, sorted. */
  public static List<String> units() {
    return ReferenceData.UNITS.stream().sorted().toList();
  }

  /** The ISO 4217 trading currencies {@link #currency} accepts, sorted. */
  public static List<String> tradingCurrencies() {
    return ReferenceData.MINOR_UNITS.keySet().stream().sorted().toList();
  }

  public static <T> T present(String field, T value) {
    if (value == null) {
      throw invalid(field, "is required");
    }
    return value;
  }

  public static String id(String field, String value) {
    return matches(field, value, ID, "must match [A-Za-z0-9._-]{1,64}");
  }

  public static String uuid(String field, String value) {
    return matches(field, value, UUID, "must be a lower-case UUID");
  }

  public static String mspId(String field, String value) {
    return matches(field, value, MSP_ID, "must be an MSP ID ([A-Za-z0-9.-]{1,64})");
  }

  /** UN/LOCODE whose first two letters are an ISO 3166 country. */
  public static String locode(String field, String value) {
    matches(field, value, LOCODE, "must be a UN/LOCODE such as NLRTM");
    if (!ReferenceData.COUNTRIES.contains(value.substring(0, 2))) {
      throw invalid(field, "names unknown country " + value.substring(0, 2));
    }
    return value;
  }

  public static String country(String field, String value) {
    present(field, value);
    if (!ReferenceData.COUNTRIES.contains(value)) {
      throw invalid(field, "must be an ISO 3166-1 alpha-2 country code");
    }
    return value;
  }

  /**
   * An ISO 4217 trading currency: a code with a minor unit that is money for payments. Funds (BOV,
   * CHE, CHW, CLF, COU, MXV, USN, UYI), index units (UYW), units of account (XDR, XSU, XUA, XAD),
   * precious metals (XAU, XAG, XPD, XPT), bond markets units (XBA to XBD), XTS and XXX are refused.
   */
  public static String currency(String field, String value) {
    present(field, value);
    String kind = ReferenceData.CURRENCY_KINDS.get(value);
    if (kind == null) {
      throw invalid(field, "must be an ISO 4217 currency code");
    }
    if (!kind.equals(ReferenceData.TRADING)) {
      throw invalid(
          field, "must be an ISO 4217 trading currency: " + value + " is a " + kind + " code");
    }
    return value;
  }

  /** The minor-unit exponent of a trading currency (JPY 0, EUR 2, BHD 3). */
  public static int minorUnits(String currency) {
    return ReferenceData.MINOR_UNITS.get(currency(currency, currency));
  }

  public static String unit(String field, String value) {
    present(field, value);
    if (!ReferenceData.UNITS.contains(value)) {
      throw invalid(field, "must be a UN/ECE Recommendation 20 unit code such as KGM or H87");
    }
    return value;
  }

  public static String hsCode(String field, String value) {
    return matches(field, value, HS_CODE, "must be an HS code of 6 to 10 digits");
  }

  /** Lower-case hex SHA-256. */
  public static String sha256(String field, String value) {
    return matches(field, value, SHA256, "must be a lower-case hex SHA-256 (64 characters)");
  }

  /** ISO 6346 container number with a valid check digit, e.g. CSQU3054383. */
  public static String container(String field, String value) {
    matches(field, value, CONTAINER, "must be an ISO 6346 container number such as CSQU3054383");
    if (ContainerNumbers.checkDigit(value.substring(0, 10)) != value.charAt(10) - '0') {
      throw invalid(field, "has a wrong ISO 6346 check digit");
    }
    return value;
  }

  /** Required text of 1 to {@code max} characters, not blank. */
  public static String text(String field, String value, int max) {
    present(field, value);
    if (value.isBlank() || value.length() > max) {
      throw invalid(field, "must be 1 to " + max + " characters and not blank");
    }
    return value;
  }

  /** Optional text: null stays null, otherwise as {@link #text}. */
  public static String optionalText(String field, String value, int max) {
    return value == null ? null : text(field, value, max);
  }

  public static long positive(String field, long value) {
    if (value <= 0) {
      throw invalid(field, "must be a positive integer");
    }
    return value;
  }

  public static long notNegative(String field, long value) {
    if (value < 0) {
      throw invalid(field, "must not be negative");
    }
    return value;
  }

  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  /** A page size given as text (transaction arguments arrive as strings), 1 to {@code max}. */
  public static int pageSize(String value, int max) {
    present("pageSize", value);
    if (!PAGE_SIZE.matcher(value).matches()) {
      throw invalid("pageSize", "must be a whole number from 1 to " + max);
    }
    return range("pageSize", Integer.parseInt(value), 1, max);
  }

  /** An immutable copy of a list of {@code min} to {@code max} elements, none null. */
  public static <T> List<T> list(String field, List<T> values, int min, int max) {
    present(field, values);
    if (values.size() < min || values.size() > max) {
      throw invalid(field, "must have " + min + " to " + max + " elements");
    }
    if (values.stream().anyMatch(java.util.Objects::isNull)) {
      throw invalid(field, "must not contain null");
    }
    return List.copyOf(values);
  }

  /** As {@link #list} but null means empty. */
  public static <T> List<T> optionalList(String field, List<T> values, int max) {
    return values == null ? List.of() : list(field, values, 0, max);
  }

  /** The same list with no element twice. */
  public static <T> List<T> distinct(String field, List<T> values) {
    if (values.stream().distinct().count() != values.size()) {
      throw invalid(field, "must not repeat an element");
    }
    return values;
  }

  public static RuntimeException invalid(String field, String problem) {
    return ErrorCode.INVALID_INPUT.exception("%s %s", field, problem);
  }

  private static String matches(String field, String value, Pattern pattern, String rule) {
    present(field, value);
    if (!pattern.matcher(value).matches()) {
      throw invalid(field, rule);
    }
    return value;
  }
}
