package io.tradeledger.chaincode.contract;

import io.tradeledger.chaincode.domain.Audit;
import io.tradeledger.chaincode.domain.Checks;
import io.tradeledger.chaincode.domain.CustomsDecision;
import io.tradeledger.chaincode.domain.CustomsDeclaration;
import io.tradeledger.chaincode.domain.DeclarationFiling;
import io.tradeledger.chaincode.domain.Role;
import io.tradeledger.chaincode.domain.Shipment;
import io.tradeledger.chaincode.errors.ErrorCode;
import io.tradeledger.chaincode.json.CanonicalJson;
import io.tradeledger.chaincode.state.DeclarationRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Import declarations: the importer files, only the customs authority named decides. A declaration
 * is endorsed by that customs authority alone once filed.
 */
@Contract(name = "customs", info = @Info(title = "Trade Ledger customs", version = "1.0"))
public final class CustomsContract implements ContractInterface {

  /**
   * The shipment's consignee (the importer) files a declaration with a customs authority.
   *
   * @param filingJson {@code {declarationId, shipmentId, customsMsp, declaredValue, hsCodes}}
   * @return the declaration as JSON (FILED)
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, SHIPMENT_NOT_FOUND,
   *     ACCESS_DENIED (not the consignee), PARTICIPANT_NOT_FOUND / ROLE_REQUIRED (customs),
   *     DECLARATION_CONFLICT
   */
  @Transaction(name = "FileDeclaration", intent = Transaction.TYPE.SUBMIT)
  public String fileDeclaration(Context context, String filingJson) {
    Tx tx = Tx.of(context);
    DeclarationFiling filing = CanonicalJson.parse(filingJson, DeclarationFiling.class);
    Shipment shipment = ShipmentContract.readable(tx, filing.shipmentId());
    Access.requireCaller(tx, shipment.consigneeMsp(), "consignee (importer)");
    DeclarationRepository declarations = new DeclarationRepository(tx.state());
    Optional<CustomsDeclaration> existing = declarations.find(filing.declarationId());
    if (existing.isPresent()) {
      if (existing.get().filing().equals(filing)) {
        return CanonicalJson.write(existing.get());
      }
      throw ErrorCode.DECLARATION_CONFLICT.exception(
          "declaration %s exists with different content", filing.declarationId());
    }
    Access.counterparty(tx, filing.customsMsp(), Role.CUSTOMS);
    CustomsDeclaration declaration =
        CustomsDeclaration.file(filing, shipment, Audit.created(tx.caller(), tx.now()));
    declarations.save(declaration);
    tx.state()
        .endorsedByAll(
            declarations.key(declaration.declarationId()), List.of(declaration.customsMsp()));
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
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, DECLARATION_NOT_FOUND,
   *     ACCESS_DENIED (not that customs authority), DECLARATION_INVALID_TRANSITION
   */
  @Transaction(name = "DecideDeclaration", intent = Transaction.TYPE.SUBMIT)
  public String decideDeclaration(Context context, String decisionJson) {
    Tx tx = Tx.of(context);
    CustomsDecision decision = CanonicalJson.parse(decisionJson, CustomsDecision.class);
    CustomsDeclaration declaration = readable(tx, decision.declarationId());
    Access.requireCaller(tx, declaration.customsMsp(), "customs authority");
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
   * One declaration.
   *
   * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_INPUT, DECLARATION_NOT_FOUND
   */
  @Transaction(name = "GetDeclaration", intent = Transaction.TYPE.EVALUATE)
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
  @Transaction(name = "ListDeclarations", intent = Transaction.TYPE.EVALUATE)
  public String listDeclarations(Context context, String shipmentId) {
    Tx tx = Tx.of(context);
    Checks.id("shipmentId", shipmentId);
    ShipmentContract.readable(tx, shipmentId);
    return CanonicalJson.write(new DeclarationRepository(tx.state()).findByShipment(shipmentId));
  }

  private static CustomsDeclaration readable(Tx tx, String declarationId) {
    return new DeclarationRepository(tx.state())
        .find(declarationId)
        .filter(declaration -> TradeAccess.canRead(tx, declaration.orderId()))
        .orElseThrow(
            () -> ErrorCode.DECLARATION_NOT_FOUND.exception("no declaration %s", declarationId));
  }
}
