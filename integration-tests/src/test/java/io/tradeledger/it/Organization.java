package io.tradeledger.it;

/**
 * The five founding organizations of the network, as network/network.sh names them: the folder of
 * their connection description, their MSP ID, their index in the port plan and their role.
 */
public enum Organization {
  EXPORTER("exporter", "ExporterMSP", 0),
  IMPORTER("importer", "ImporterMSP", 1),
  CARRIER("carrier", "CarrierMSP", 2),
  CUSTOMS("customs", "CustomsMSP", 3),
  INSURER("insurer", "InsurerMSP", 4);

  private final String directory;
  private final String mspId;
  private final int index;

  Organization(String directory, String mspId, int index) {
    this.directory = directory;
    this.mspId = mspId;
    this.index = index;
  }

  /** The folder under {@code $TRADE_LEDGER_DATA/organizations}. */
  public String directory() {
    return directory;
  }

  public String mspId() {
    return mspId;
  }

  public int index() {
    return index;
  }

  /** The node name network.sh uses for the organization's peer. */
  public String peerNode() {
    return "peer-" + directory;
  }

  /** The node name network.sh uses for the organization's chaincode server. */
  public String chaincodeNode() {
    return "chaincode-" + directory;
  }

  /** The node name network.sh uses for the organization's client-api. */
  public String apiNode() {
    return "api-" + directory;
  }
}
