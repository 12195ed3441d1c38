package io.tradeledger.contract;

/** Kinds of trade document whose hash can be anchored. */
public enum DocumentType {
  BILL_OF_LADING,
  COMMERCIAL_INVOICE,
  PACKING_LIST,
  CERTIFICATE_OF_ORIGIN,
  INSURANCE_CERTIFICATE,
  CUSTOMS_DECLARATION,
  OTHER
}
