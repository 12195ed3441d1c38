package io.tradeledger.chaincode.testing;

import io.tradeledger.chaincode.contract.ParticipantContract;

/**
 * The default consortium of DESIGN.md, with one user per organization, and a ledger whose founding
 * registry is written.
 */
public final class Consortium {
  public static final Identity IMPORTER = Identity.of("ImporterMSP", "buyer");
  public static final Identity EXPORTER = Identity.of("ExporterMSP", "seller");
  public static final Identity CARRIER = Identity.of("CarrierMSP", "dispatcher");
  public static final Identity CUSTOMS = Identity.of("CustomsMSP", "officer");
  public static final Identity INSURER = Identity.of("InsurerMSP", "underwriter");

  /** An organization outside the registry. */
  public static final Identity OUTSIDER = Identity.of("OutsiderMSP", "stranger");

  public static final String FOUNDING_MEMBERS =
      """
      [{"mspId":"ImporterMSP","legalName":"Nordic Imports AB","country":"SE","roles":["IMPORTER"]},
       {"mspId":"ExporterMSP","legalName":"Shenzhen Export Co","country":"CN","roles":["EXPORTER"]},
       {"mspId":"CarrierMSP","legalName":"Ocean Carrier Ltd","country":"DK","roles":["CARRIER"]},
       {"mspId":"CustomsMSP","legalName":"Swedish Customs","country":"SE","roles":["CUSTOMS"]},
       {"mspId":"InsurerMSP","legalName":"Marine Insurance plc","country":"GB","roles":["INSURER"]}]
      """;

  private Consortium() {}

  /** A ledger whose registry holds the five founding members. */
  public static FakeLedger foundedLedger() {
    FakeLedger ledger = new FakeLedger();
    ParticipantContract participants = new ParticipantContract();
    ledger.submit(
        IMPORTER, context -> participants.registerFoundingMembers(context, FOUNDING_MEMBERS));
    return ledger;
  }
}
