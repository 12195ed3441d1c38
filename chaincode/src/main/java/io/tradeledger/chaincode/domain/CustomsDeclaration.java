package io.tradeledger.chaincode.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An import declaration filed by the importer for a shipment and decided by the customs authority
 * it names. {@code assessedDuties} is set on RELEASED, {@code reason} on REJECTED; {@code
 * decidedAt} is the transaction time of the latest decision.
 */
public record CustomsDeclaration(
    String declarationId,
    String shipmentId,
    String orderId,
    String importerMsp,
    String customsMsp,
    Money declaredValue,
    List<String> hsCodes,
    DeclarationStatus status,
    Money assessedDuties,
    String reason,
    Instant decidedAt,
    Audit audit) {
  public CustomsDeclaration {
    Checks.id("declarationId", declarationId);
    Checks.id("shipmentId", shipmentId);
    Checks.id("orderId", orderId);
    Checks.mspId("importerMsp", importerMsp);
    Checks.mspId("customsMsp", customsMsp);
    Checks.present("declaredValue", declaredValue).positive("declaredValue");
    hsCodes = Checks.list("hsCodes", hsCodes, 1, 100);
    hsCodes.forEach(code -> Checks.hsCode("hsCodes", code));
    Objects.requireNonNull(status, "status");
    Checks.optionalText("reason", reason, Checks.MAX_TEXT);
    Objects.requireNonNull(audit, "audit");
  }
}
