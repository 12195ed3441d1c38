package io.tradeledger.chaincode.domain;

/** Incoterms 2020 rules. */
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
  CIF
}
