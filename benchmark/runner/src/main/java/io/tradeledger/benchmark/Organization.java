package io.tradeledger.benchmark;

import java.util.Locale;

/** The organizations the workloads act as, named as network.sh names their directories. */
enum Organization {
  EXPORTER,
  IMPORTER,
  CARRIER;

  /** The directory under {@code <data>/organizations/}, e.g. {@code importer}. */
  String directory() {
    return name().toLowerCase(Locale.ROOT);
  }
}
