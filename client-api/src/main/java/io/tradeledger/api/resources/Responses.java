package io.tradeledger.api.resources;

import io.tradeledger.api.service.Outcome;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Response shapes shared by the resources. */
final class Responses {
  /** The header naming the committed transaction of a write. */
  static final String TRANSACTION_ID = "X-Transaction-Id";

  /** How the OpenAPI document describes a create's answer. */
  static final String CREATED =
      "the created record as the contract returns it; the same id with the same content returns"
          + " the existing record";

  private Responses() {}

  /** The contract's JSON, passed on byte for byte. */
  static Response ok(byte[] json) {
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** JSON the service composed. */
  static Response ok(String json) {
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** 201 for a create; a repeated identical create returns the same record. */
  static Response created(Outcome outcome) {
    return Response.status(Response.Status.CREATED)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(TRANSACTION_ID, outcome.transactionId())
        .entity(outcome.json())
        .build();
  }

  static Response changed(Outcome outcome) {
    return Response.ok(outcome.json(), MediaType.APPLICATION_JSON_TYPE)
        .header(TRANSACTION_ID, outcome.transactionId())
        .build();
  }
}
