package io.tradeledger.benchmark;

import java.util.Locale;

/** Who serves a request: our contract or the floor, reached through the raw Gateway or the API. */
enum Route {
  /** Our contract through the raw Fabric Gateway. */
  GATEWAY("ours", "gateway"),
  /** The floor contract through the raw Fabric Gateway. */
  FLOOR("floor", "gateway"),
  /** Our contract through the organization's client-api over HTTP. */
  API("ours", "api");

  private final String contract;
  private final String client;

  Route(String contract, String client) {
    this.contract = contract;
    this.client = client;
  }

  String contract() {
    return contract;
  }

  String client() {
    return client;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
