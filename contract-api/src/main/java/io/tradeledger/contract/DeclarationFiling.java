package io.tradeledger.contract;

import java.util.List;

/** What an importer files with a customs authority for one shipment. */
public record DeclarationFiling(
    String declarationId,
    String shipmentId,
    String customsMsp,
    Money declaredValue,
    List<String> hsCodes) {
  public DeclarationFiling {
    Checks.id("declarationId", declarationId);
    Checks.id("shipmentId", shipmentId);
    Checks.mspId("customsMsp", customsMsp);
    Checks.present("declaredValue", declaredValue).positive("declaredValue");
    hsCodes = Checks.distinct("hsCodes", Checks.list("hsCodes", hsCodes, 1, 100));
    hsCodes.forEach(code -> Checks.hsCode("hsCodes", code));
  }
}
