package io.tradeledger.contract;

import io.tradeledger.contract.errors.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The commercial terms that never reach the shared ledger: line prices, a discount, itemised
 * charges and clauses, salted so that their hash cannot be guessed. Buyer and seller each keep the
 * same canonical JSON bytes in their own implicit collection; the public order carries the SHA-256
 * of those bytes.
 *
 * <p>The terms price the public order: {@link #checkPrices} holds them to it.
 *
 * @param charges amounts the seller adds to the goods, such as freight and insurance under CIF;
 *     absent (never empty) when there are none, so terms without charges keep their bytes
 */
public record ConfidentialTerms(
    String salt,
    List<LinePrice> linePrices,
    int discountBasisPoints,
    List<Charge> charges,
    List<String> clauses) {
  /** The transient data key under which StoreOrderTerms takes the terms. */
  public static final String TRANSIENT_KEY = "terms";

  public static final Pattern SALT = Pattern.compile("[A-Za-z0-9_-]{32,128}");

  /** The longest clause. */
  public static final int MAX_CLAUSE = 2_000;

  private static final BigInteger WHOLE = BigInteger.valueOf(MilestoneTerms.WHOLE);

  /** The agreed unit price of one order line (1-based). */
  public record LinePrice(int line, Money unitPrice) {
    public LinePrice {
      Checks.range("line", line, 1, 100);
      Checks.present("unitPrice", unitPrice).positive("unitPrice");
    }
  }

  /** An amount added to the discounted goods, itemised: freight, insurance, packing. */
  public record Charge(String description, Money amount) {
    public Charge {
      Checks.text("description", description, Checks.MAX_TEXT);
      Checks.present("amount", amount).positive("amount");
    }
  }

  public ConfidentialTerms {
    Checks.present("salt", salt);
    if (!SALT.matcher(salt).matches()) {
      throw Checks.invalid("salt", "must be 32 to 128 characters of [A-Za-z0-9_-]");
    }
    linePrices = Checks.list("linePrices", linePrices, 1, 100);
    Checks.distinct("linePrices.line", linePrices.stream().map(LinePrice::line).toList());
    Checks.range("discountBasisPoints", discountBasisPoints, 0, MilestoneTerms.WHOLE);
    // Empty is written as absent, so that the canonical form of terms without charges is unique.
    charges = charges == null || charges.isEmpty() ? null : Checks.list("charges", charges, 1, 20);
    clauses = Checks.optionalList("clauses", clauses, 50);
    clauses.forEach(clause -> Checks.text("clauses", clause, MAX_CLAUSE));
  }

  /**
   * Holds the terms to the public order they belong to. Every order line is priced exactly once and
   * every price and charge is in the order's currency ({@link ErrorCode#TERMS_LINES_MISPRICED});
   * the priced total (unit price times quantity, summed over the lines) less the discount plus the
   * charges equals the order's total value exactly ({@link ErrorCode#TERMS_TOTAL_MISMATCH}). The
   * discount is {@code discountBasisPoints} of the priced total, rounded half up to the currency's
   * minor unit; amounts are exact integers of minor units throughout, never floating point.
   */
  public void checkPrices(List<OrderLine> lines, Money totalValue) {
    String currency = totalValue.currency();
    for (LinePrice price : linePrices) {
      if (price.line() > lines.size()) {
        throw ErrorCode.TERMS_LINES_MISPRICED.exception(
            "the terms price line %d, but the order has %d line(s)", price.line(), lines.size());
      }
      if (!price.unitPrice().currency().equals(currency)) {
        throw ErrorCode.TERMS_LINES_MISPRICED.exception(
            "line %d is priced in %s, not in the order's currency %s",
            price.line(), price.unitPrice().currency(), currency);
      }
    }
    if (linePrices.size() != lines.size()) {
      throw ErrorCode.TERMS_LINES_MISPRICED.exception(
          "the terms price %d of the order's %d lines: every line needs exactly one price",
          linePrices.size(), lines.size());
    }
    for (Charge charge : itemisedCharges()) {
      if (!charge.amount().currency().equals(currency)) {
        throw ErrorCode.TERMS_LINES_MISPRICED.exception(
            "charge '%s' is in %s, not in the order's currency %s",
            charge.description(), charge.amount().currency(), currency);
      }
    }
    BigInteger priced = BigInteger.ZERO;
    for (LinePrice price : linePrices) {
      long quantity = lines.get(price.line() - 1).quantity();
      priced =
          priced.add(
              BigInteger.valueOf(price.unitPrice().amount())
                  .multiply(BigInteger.valueOf(quantity)));
    }
    BigInteger discount =
        new BigDecimal(priced.multiply(BigInteger.valueOf(discountBasisPoints)))
            .divide(new BigDecimal(WHOLE), 0, RoundingMode.HALF_UP)
            .toBigIntegerExact();
    BigInteger charged =
        itemisedCharges().stream()
            .map(charge -> BigInteger.valueOf(charge.amount().amount()))
            .reduce(BigInteger.ZERO, BigInteger::add);
    BigInteger net = priced.subtract(discount).add(charged);
    if (!net.equals(BigInteger.valueOf(totalValue.amount()))) {
      throw ErrorCode.TERMS_TOTAL_MISMATCH.exception(
          "the terms come to %s (priced %s, less %d basis points discount %s, plus charges %s),"
              + " not the order's total value %s",
          display(net, totalValue),
          display(priced, totalValue),
          discountBasisPoints,
          display(discount, totalValue),
          display(charged, totalValue),
          totalValue.display());
    }
  }

  /** The charges, empty when there are none. */
  public List<Charge> itemisedCharges() {
    return charges == null ? List.of() : charges;
  }

  private static String display(BigInteger minorUnits, Money like) {
    return new BigDecimal(minorUnits, like.minorUnits()).toPlainString() + " " + like.currency();
  }
}
