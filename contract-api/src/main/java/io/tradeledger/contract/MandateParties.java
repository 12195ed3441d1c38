package io.tradeledger.contract;

/** The two sides of a customs mandate: the importer of record and its representative. */
public record MandateParties(String grantorMsp, String representativeMsp) {}
