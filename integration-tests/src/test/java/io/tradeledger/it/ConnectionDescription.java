package io.tradeledger.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach one organization's peer, as network.sh writes it to {@code
 * $TRADE_LEDGER_DATA/organizations/<org>/connection.json}: MSP ID, channel, chaincode, the peer's
 * endpoint and TLS host name, the TLS CA certificate, and the PEM certificate and PKCS#8 key of
 * each user (Admin, User1, User2, User3).
 */
public record ConnectionDescription(
    String mspId,
    String channel,
    String chaincode,
    String peerEndpoint,
    String peerHostAlias,
    Path tlsCaCertificate,
    Map<String, User> users) {

  /** The credentials of one user of the organization. */
  public record User(Path certificate, Path privateKey) {
    public User {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  public ConnectionDescription {
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(chaincode, "chaincode");
    Objects.requireNonNull(peerEndpoint, "peerEndpoint");
    Objects.requireNonNull(peerHostAlias, "peerHostAlias");
    Objects.requireNonNull(tlsCaCertificate, "tlsCaCertificate");
    users = Map.copyOf(users);
  }

  static ConnectionDescription read(Path file) {
    try {
      return Json.mapper().readValue(file.toFile(), ConnectionDescription.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the connection description " + file, e);
    }
  }

  public User user(String name) {
    User user = users.get(name);
    if (user == null) {
      throw new IllegalArgumentException(
          mspId + " has no user " + name + "; it has " + users.keySet());
    }
    return user;
  }
}
