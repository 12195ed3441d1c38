package io.tradeledger.contract;

/** The ISO 6346 check digit of a container's owner code, category and serial number. */
final class ContainerNumbers {
  private ContainerNumbers() {}

  /**
   * The check digit of the first ten characters: letters count from A=10 skipping multiples of 11,
   * each position is weighted by 2^i, and the sum modulo 11 (10 becoming 0) is the digit.
   */
  static int checkDigit(String firstTen) {
    int sum = 0;
    for (int position = 0; position < 10; position++) {
      sum += value(firstTen.charAt(position)) << position;
    }
    return sum % 11 % 10;
  }

  private static int value(char character) {
    if (Character.isDigit(character)) {
      return character - '0';
    }
    int value = character - 'A' + 10;
    // 11, 22 and 33 are skipped.
    return value + (value - 1) / 10;
  }
}
