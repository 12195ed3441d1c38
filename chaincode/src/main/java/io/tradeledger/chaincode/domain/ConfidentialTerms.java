package io.tradeledger.chaincode.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The commercial terms that never reach the shared ledger: line prices, a discount and clauses,
 * salted so that their hash cannot be guessed. Buyer and seller each keep the same canonical JSON
 * bytes in their own implicit collection; the public order carries the SHA-256 of those bytes.
 */
public record ConfidentialTerms(
    String salt, List<LinePrice> linePrices, int discountBasisPoints, List<String> clauses) {
  private static final Pattern SALT = Pattern.compile("[A-Za-z0-9_-]{32,128}");

  /** The agreed unit price of one order line (1-based). */
  public record LinePrice(int line, Money unitPrice) {
    public LinePrice {
      Checks.range("line", line, 1, 100);
      Checks.present("unitPrice", unitPrice).positive("unitPrice");
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
    clauses = Checks.optionalList("clauses", clauses, 50);
    clauses.forEach(clause -> Checks.text("clauses", clause, 2_000));
  }
}
