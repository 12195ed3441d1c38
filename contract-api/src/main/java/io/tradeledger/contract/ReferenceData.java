package io.tradeledger.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Code lists bundled with the contract, so every endorsing peer validates against the same data
 * whatever its JVM: ISO 3166-1 alpha-2 countries, ISO 4217 currencies (with their minor units and
 * whether they are trading currencies) and UN/ECE Recommendation 20 units.
 */
final class ReferenceData {
  static final Set<String> COUNTRIES = load("iso3166-alpha2.txt");
  static final Set<String> UNITS = load("unece-rec20.txt");

  /** Every ISO 4217 code, trading or not, with its kind ("trading", "fund", ...). */
  static final Map<String, String> CURRENCY_KINDS;

  /** The minor-unit exponent of each trading currency: JPY 0, EUR 2, BHD 3. */
  static final Map<String, Integer> MINOR_UNITS;

  static final String TRADING = "trading";

  static {
    Map<String, String> kinds = new TreeMap<>();
    Map<String, Integer> minorUnits = new TreeMap<>();
    for (List<String> columns : rows("iso4217.txt")) {
      if (columns.size() != 3) {
        throw new IllegalStateException("iso4217.txt: expected 3 columns in " + columns);
      }
      String code = columns.get(0);
      String kind = columns.get(2);
      kinds.put(code, kind);
      if (kind.equals(TRADING)) {
        // A trading currency always has a minor unit; N.A. here would be a data error.
        minorUnits.put(code, Integer.parseInt(columns.get(1)));
      }
    }
    CURRENCY_KINDS = Map.copyOf(kinds);
    MINOR_UNITS = Map.copyOf(minorUnits);
  }

  private ReferenceData() {}

  private static Set<String> load(String name) {
    return rows(name).stream()
        .map(columns -> columns.get(0))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The tab-separated rows of a bundled file, without blank lines and # comments. */
  private static List<List<String>> rows(String name) {
    try (InputStream input = ReferenceData.class.getResourceAsStream(name)) {
      if (input == null) {
        throw new IllegalStateException("missing reference data " + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(input, UTF_8));
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> List.of(line.split("\t")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
