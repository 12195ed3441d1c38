package io.tradeledger.api.service;

/** What a submitted transaction returned: its id and the contract's JSON result. */
public record Outcome(String transactionId, String json) {}
