package io.tradeledger.chaincode.domain;

import io.tradeledger.contract.Checks;
import io.tradeledger.contract.CustomsDecision;
import io.tradeledger.contract.DeclarationFiling;
import io.tradeledger.contract.DeclarationStatus;
import io.tradeledger.contract.Money;
import io.tradeledger.contract.errors.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An import declaration for a shipment, filed by the importer of record ({@code importerMsp}: the
 * buyer, or the seller under DDP) or by a customs representative it mandated ({@code
 * representativeMsp}, absent when the importer filed itself), and decided by the customs authority
 * it names. {@code assessedDuties} is set on RELEASED, {@code reason} on REJECTED; {@code
 * decidedAt} is the transaction time of the latest decision.
 */
public record CustomsDeclaration(
    String declarationId,
    String shipmentId,
    String orderId,
    String importerMsp,
    String representativeMsp,
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
    if (representativeMsp != null) {
      Checks.mspId("representativeMsp", representativeMsp);
    }
    Checks.mspId("customsMsp", customsMsp);
    Checks.present("declaredValue", declaredValue).positive("declaredValue");
    hsCodes = Checks.list("hsCodes", hsCodes, 1, 100);
    hsCodes.forEach(code -> Checks.hsCode("hsCodes", code));
    Objects.requireNonNull(status, "status");
    Checks.optionalText("reason", reason, Checks.MAX_TEXT);
    Objects.requireNonNull(audit, "audit");
  }

  /**
   * A new FILED declaration of the order's importer of record, lodged by the importer itself
   * ({@code representativeMsp} null) or by a representative it mandated.
   */
  public static CustomsDeclaration file(
      DeclarationFiling filing, Order order, String representativeMsp, Audit audit) {
    return new CustomsDeclaration(
        filing.declarationId(),
        filing.shipmentId(),
        order.orderId(),
        order.importerOfRecordMsp(),
        representativeMsp,
        filing.customsMsp(),
        filing.declaredValue(),
        filing.hsCodes(),
        DeclarationStatus.FILED,
        null,
        null,
        null,
        audit);
  }

  /** The filing this declaration was created from, to recognise a repeated filing. */
  public DeclarationFiling filing() {
    return new DeclarationFiling(declarationId, shipmentId, customsMsp, declaredValue, hsCodes);
  }

  /**
   * The declaration after a decision: FILED may become any decision, SELECTED_FOR_INSPECTION only
   * RELEASED or REJECTED; RELEASED and REJECTED are final.
   */
  public CustomsDeclaration decide(CustomsDecision decision, Actor actor, Instant at) {
    boolean allowed =
        status == DeclarationStatus.FILED
            || (status == DeclarationStatus.SELECTED_FOR_INSPECTION
                && decision.decision() != DeclarationStatus.SELECTED_FOR_INSPECTION);
    if (!allowed) {
      throw ErrorCode.DECLARATION_INVALID_TRANSITION.exception(
          "declaration %s is %s and cannot become %s", declarationId, status, decision.decision());
    }
    return new CustomsDeclaration(
        declarationId,
        shipmentId,
        orderId,
        importerMsp,
        representativeMsp,
        customsMsp,
        declaredValue,
        hsCodes,
        decision.decision(),
        decision.assessedDuties(),
        decision.reason(),
        at,
        audit.updated(actor, at));
  }
}
