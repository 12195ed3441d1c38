package io.tradeledger.contract;

/**
 * Incoterms 2020 rules, with the duties of each that the contract enforces: which rules are for sea
 * and inland waterway transport only, which port their named place is, who contracts the main
 * carriage and who clears the goods for import.
 */
public enum Incoterm {
  EXW,
  FCA,
  CPT,
  CIP,
  DAP,
  DPU,
  DDP,
  FAS,
  FOB,
  CFR,
  CIF;

  /** FAS, FOB, CFR and CIF: sea and inland waterway transport only. */
  public boolean seaAndInlandWaterwayOnly() {
    return this == FAS || this == FOB || this == CFR || this == CIF;
  }

  /** FAS and FOB name the port of shipment (loading). */
  public boolean placeIsPortOfLoading() {
    return this == FAS || this == FOB;
  }

  /** CFR and CIF name the port of destination (discharge). */
  public boolean placeIsPortOfDischarge() {
    return this == CFR || this == CIF;
  }

  /**
   * C- and D-rules: the seller contracts the main carriage (A4). Under EXW, FCA, FAS and FOB the
   * buyer does, unless the parties agree otherwise.
   */
  public boolean sellerContractsCarriage() {
    return switch (this) {
      case CPT, CIP, CFR, CIF, DAP, DPU, DDP -> true;
      case EXW, FCA, FAS, FOB -> false;
    };
  }

  /** DDP: the seller clears the goods for import (A7); under every other rule the buyer does. */
  public boolean sellerClearsImport() {
    return this == DDP;
  }
}
