package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Audit;
import io.tradeledger.chaincode.domain.CustomsDeclaration;
import io.tradeledger.chaincode.domain.CustomsMandate;
import io.tradeledger.chaincode.domain.CustomsRules;
import io.tradeledger.chaincode.domain.Order;
import io.tradeledger.chaincode.domain.Participant;
import io.tradeledger.chaincode.domain.Shipment;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.DeclarationRepository;
import io.tradeledger.chaincode.state.MandateRepository;
import io.tradeledger.chaincode.state.OrderRepository;
import io.tradeledger.chaincode.state.ParticipantRepository;
import io.tradeledger.chaincode.state.ShipmentRepository;
import io.tradeledger.chaincode.state.TradeParties;
import io.tradeledger.contract.Checks;
import io.tradeledger.contract.CustomsDecision;
import io.tradeledger.contract.DeclarationFiling;
import io.tradeledger.contract.Role;
import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.contract.transactions.ContractNames;
import io.tradeledger.contract.transactions.TransactionNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Import declarations and customs mandates: the importer of record, or a representative it
 * mandated, files; only the customs authority of the country of import decides. A declaration is
 * endorsed by that customs authority alone once filed, a mandate by its grantor.
 */
@Contract(
    name = ContractNames.CUSTOMS,
    info = @Info(title = "Trade Ledger customs", version = "1.0"))
public final class CustomsContract implements ContractInterface {

  /**
   * The order's importer of record (the buyer, or the seller under DDP), or a customs
   * representative it mandated, files an import declaration for a shipment with the customs
   * authority of the country of import.
   *
   * @param filingJson {@code {declarationId, shipmentId, customsMsp, declaredValue, hsCodes}}
   * @return the declaration as JSON (FILED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT (including a currency
   *     refused by {@code Money}), SHIPMENT_NOT_FOUND, ACCESS_DENIED (neither the importer of
   *     record nor its mandated representative), PARTICIPANT_NOT_FOUND / ROLE_REQUIRED (customs),
   *     CUSTOMS_NOT_COUNTRY_OF_IMPORT, DECLARATION_HS_CODE_MISMATCH, DECLARATION_CONFLICT
   */
  @Transaction(name = TransactionNames.FILE_DECLARATION, intent = Transaction.TYPE.SUBMIT)
  public String fileDeclaration(Context context, String filingJson) {
    Tx tx = Tx.of(context);
    DeclarationFiling filing = CanonicalJson.parse(filingJson, DeclarationFiling.class);
    Shipment shipment =
        new ShipmentRepository(tx.state())
            .find(filing.shipmentId())
            .orElseThrow(
                () ->
                    ErrorCode.SHIPMENT_NOT_FOUND.exception("no shipment %s", filing.shipmentId()));
    Order order = new OrderRepository(tx.state()).find(shipment.orderId()).orElseThrow();
    String representative = declarant(tx, order, shipment);
    DeclarationRepository declarations = new DeclarationRepository(tx.state());
    Optional<CustomsDeclaration> existing = declarations.find(filing.declarationId());
    if (existing.isPresent()) {
      if (existing.get().filing().equals(filing)) {
        return CanonicalJson.write(existing.get());
      }
      throw ErrorCode.DECLARATION_CONFLICT.exception(
          "declaration %s exists with different content", filing.declarationId());
    }
    Participant authority = Access.counterparty(tx, filing.customsMsp(), Role.CUSTOMS);
    CustomsRules.checkAuthority(order, shipment, authority.profile());
    CustomsRules.checkHsCodes(order, filing.hsCodes());
    CustomsDeclaration declaration =
        CustomsDeclaration.file(
            filing, order, representative, Audit.created(tx.caller(), tx.now()));
    declarations.save(declaration);
    tx.state()
        .endorsedByAll(
            declarations.key(declaration.declarationId()), List.of(declaration.customsMsp()));
    TradeParties parties = new TradeParties(tx.state());
    if (representative != null) {
      // The representative follows the declaration it lodged, as the importer would.
      parties.join(order.orderId(), representative);
    }
    // The authority follows the trade it is to decide: ListOrders shows it.
    parties.join(order.orderId(), declaration.customsMsp());
    tx.emit(
        "DeclarationFiled",
        Map.of(
            "declarationId", declaration.declarationId(),
            "shipmentId", declaration.shipmentId(),
            "orderId", declaration.orderId()));
    return CanonicalJson.write(declaration);
  }

  /**
   * The customs authority named on a declaration decides it.
   *
   * @param decisionJson {@code {declarationId, decision: SELECTED_FOR_INSPECTION | RELEASED |
   *     REJECTED, assessedDuties (RELEASED only), reason (REJECTED only)}}
   * @return the declaration as JSON
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT (including a currency
   *     refused by {@code Money}), DECLARATION_NOT_FOUND, ACCESS_DENIED (not that customs
   *     authority), CUSTOMS_NOT_COUNTRY_OF_IMPORT (its registered country changed),
   *     DECLARATION_INVALID_TRANSITION
   */
  @Transaction(name = TransactionNames.DECIDE_DECLARATION, intent = Transaction.TYPE.SUBMIT)
  public String decideDeclaration(Context context, String decisionJson) {
    Tx tx = Tx.of(context);
    CustomsDecision decision = CanonicalJson.parse(decisionJson, CustomsDecision.class);
    CustomsDeclaration declaration = readable(tx, decision.declarationId());
    Access.requireCaller(tx, declaration.customsMsp(), "customs authority");
    // The registry may have changed since filing: the decider must still be of the import country.
    Shipment shipment =
        new ShipmentRepository(tx.state()).find(declaration.shipmentId()).orElseThrow();
    Order order = new OrderRepository(tx.state()).find(declaration.orderId()).orElseThrow();
    CustomsRules.checkAuthority(order, shipment, Access.member(tx).profile());
    CustomsDeclaration decided = declaration.decide(decision, tx.caller(), tx.now());
    new DeclarationRepository(tx.state()).save(decided);
    tx.emit(
        "DeclarationDecided",
        Map.of(
            "declarationId", decided.declarationId(),
            "shipmentId", decided.shipmentId(),
            "orderId", decided.orderId()));
    return CanonicalJson.write(decided);
  }

  /**
   * An importer of record (an IMPORTER, or an EXPORTER that clears import under DDP) mandates a
   * registered organization as its customs representative; granting an active mandate again returns
   * it, granting a revoked one reactivates it. Only the grantor endorses later changes.
   *
   * @param representativeMsp the representative (not a CUSTOMS authority)
   * @return the mandate as JSON {@code {grantorMsp, representativeMsp, active, revokedAt?, audit}}
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, NOT_A_PARTICIPANT,
   *     ROLE_REQUIRED (caller neither IMPORTER nor EXPORTER), PARTICIPANT_NOT_FOUND
   *     (representative)
   */
  @Transaction(name = TransactionNames.GRANT_CUSTOMS_MANDATE, intent = Transaction.TYPE.SUBMIT)
  public String grantCustomsMandate(Context context, String representativeMsp) {
    Tx tx = Tx.of(context);
    Checks.mspId("representativeMsp", representativeMsp);
    Participant grantor = Access.member(tx);
    if (!grantor.hasRole(Role.IMPORTER) && !grantor.hasRole(Role.EXPORTER)) {
      throw ErrorCode.ROLE_REQUIRED.exception(
          "%s is neither an IMPORTER nor an EXPORTER: it clears no goods", tx.callerMsp());
    }
    Participant representative = Access.counterparty(tx, representativeMsp);
    if (representative.hasRole(Role.CUSTOMS)) {
      throw Checks.invalid(
          "representativeMsp", "is a customs authority, which cannot represent a declarant");
    }
    MandateRepository mandates = new MandateRepository(tx.state());
    Optional<CustomsMandate> existing = mandates.find(tx.callerMsp(), representativeMsp);
    if (existing.isPresent() && existing.get().active()) {
      return CanonicalJson.write(existing.get());
    }
    CustomsMandate mandate =
        existing
            .map(revoked -> revoked.regranted(tx.caller(), tx.now()))
            .orElseGet(
                () ->
                    CustomsMandate.grant(
                        tx.callerMsp(), representativeMsp, Audit.created(tx.caller(), tx.now())));
    mandates.save(mandate);
    String key = mandates.key(tx.callerMsp(), representativeMsp);
    tx.state().endorsedByAll(key, List.of(tx.callerMsp()));
    tx.emit(
        "CustomsMandateGranted",
        Map.of("grantorMsp", tx.callerMsp(), "representativeMsp", representativeMsp));
    return CanonicalJson.write(mandate);
  }

  /**
   * The grantor revokes its mandate; revoking a revoked mandate returns it. Declarations already
   * filed stay.
   *
   * @param representativeMsp the representative
   * @return the mandate as JSON (not active)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, MANDATE_NOT_FOUND
   */
  @Transaction(name = TransactionNames.REVOKE_CUSTOMS_MANDATE, intent = Transaction.TYPE.SUBMIT)
  public String revokeCustomsMandate(Context context, String representativeMsp) {
    Tx tx = Tx.of(context);
    Checks.mspId("representativeMsp", representativeMsp);
    MandateRepository mandates = new MandateRepository(tx.state());
    CustomsMandate mandate =
        mandates
            .find(tx.callerMsp(), representativeMsp)
            .orElseThrow(
                () ->
                    ErrorCode.MANDATE_NOT_FOUND.exception(
                        "%s has no mandate for %s", tx.callerMsp(), representativeMsp));
    if (!mandate.active()) {
      return CanonicalJson.write(mandate);
    }
    CustomsMandate revoked = mandate.revoked(tx.caller(), tx.now());
    mandates.save(revoked);
    tx.emit(
        "CustomsMandateRevoked",
        Map.of("grantorMsp", tx.callerMsp(), "representativeMsp", representativeMsp));
    return CanonicalJson.write(revoked);
  }

  /**
   * One mandate, for its grantor, its representative and customs authorities.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, MANDATE_NOT_FOUND (absent
   *     or not readable by the caller)
   */
  @Transaction(name = TransactionNames.GET_CUSTOMS_MANDATE, intent = Transaction.TYPE.EVALUATE)
  public String getCustomsMandate(Context context, String grantorMsp, String representativeMsp) {
    Tx tx = Tx.of(context);
    Checks.mspId("grantorMsp", grantorMsp);
    Checks.mspId("representativeMsp", representativeMsp);
    boolean reader =
        tx.callerMsp().equals(grantorMsp)
            || tx.callerMsp().equals(representativeMsp)
            || new ParticipantRepository(tx.state())
                .find(tx.callerMsp())
                .map(participant -> participant.hasRole(Role.CUSTOMS))
                .orElse(false);
    return CanonicalJson.write(
        new MandateRepository(tx.state())
            .find(grantorMsp, representativeMsp)
            .filter(mandate -> reader)
            .orElseThrow(
                () ->
                    ErrorCode.MANDATE_NOT_FOUND.exception(
                        "%s has no mandate for %s", grantorMsp, representativeMsp)));
  }

  /**
   * One declaration.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, DECLARATION_NOT_FOUND
   */
  @Transaction(name = TransactionNames.GET_DECLARATION, intent = Transaction.TYPE.EVALUATE)
  public String getDeclaration(Context context, String declarationId) {
    Tx tx = Tx.of(context);
    Checks.id("declarationId", declarationId);
    return CanonicalJson.write(readable(tx, declarationId));
  }

  /**
   * A shipment's declarations by id.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, SHIPMENT_NOT_FOUND
   */
  @Transaction(name = TransactionNames.LIST_DECLARATIONS, intent = Transaction.TYPE.EVALUATE)
  public String listDeclarations(Context context, String shipmentId) {
    Tx tx = Tx.of(context);
    Checks.id("shipmentId", shipmentId);
    Trades.readableShipment(tx, shipmentId);
    return CanonicalJson.write(new DeclarationRepository(tx.state()).findByShipment(shipmentId));
  }

  /**
   * Who may lodge the shipment's import declaration: the order's importer of record (returns null)
   * or a representative holding its active mandate (returns the representative).
   */
  private static String declarant(Tx tx, Order order, Shipment shipment) {
    String importer = order.importerOfRecordMsp();
    if (tx.callerMsp().equals(importer)) {
      return null;
    }
    if (new MandateRepository(tx.state()).isMandated(importer, tx.callerMsp())) {
      return tx.callerMsp();
    }
    if (!TradeAccess.canRead(tx, order.orderId())) {
      throw ErrorCode.SHIPMENT_NOT_FOUND.exception("no shipment %s", shipment.shipmentId());
    }
    throw ErrorCode.ACCESS_DENIED.exception(
        "only %s, the importer of record under %s, or a customs representative it mandated may"
            + " declare shipment %s; caller is %s",
        importer, order.incoterm(), shipment.shipmentId(), tx.callerMsp());
  }

  private static CustomsDeclaration readable(Tx tx, String declarationId) {
    return new DeclarationRepository(tx.state())
        .find(declarationId)
        .filter(declaration -> TradeAccess.canRead(tx, declaration.orderId()))
        .orElseThrow(
            () -> ErrorCode.DECLARATION_NOT_FOUND.exception("no declaration %s", declarationId));
  }
}
