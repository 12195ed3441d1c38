package io.tradeledger.chaincode.domain;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Code lists bundled with the contract, so every endorsing peer validates against the same data
 * whatever its JVM: ISO 3166-1 alpha-2 countries, ISO 4217 currencies and UN/ECE Recommendation 20
 * units.
 */
final class ReferenceData {
  static final Set<String> COUNTRIES = load("iso3166-alpha2.txt");
  static final Set<String> CURRENCIES = load("iso4217.txt");
  static final Set<String> UNITS = load("unece-rec20.txt");

  private ReferenceData() {}

  private static Set<String> load(String name) {
    try (InputStream input = ReferenceData.class.getResourceAsStream(name)) {
      if (input == null) {
        throw new IllegalStateException("missing reference data " + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(input, UTF_8));
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\t", 2)[0])
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
