package io.tradeledger.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How one organization reaches its peer, as network/ describes it for each organization: the MSP
 * ID, channel and chaincode, the peer's endpoint and TLS host name, the TLS CA certificate, and the
 * certificate and private key of each Fabric user.
 */
public record ConnectionProfile(
    String mspId,
    String channel,
    String chaincode,
    String peerEndpoint,
    String peerHostAlias,
    Path tlsCaCertificate,
    Map<String, FabricUser> users) {

  /** A Fabric identity of the organization. */
  public record FabricUser(Path certificate, Path privateKey) {
    public FabricUser {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  public ConnectionProfile {
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(chaincode, "chaincode");
    Objects.requireNonNull(peerEndpoint, "peerEndpoint");
    Objects.requireNonNull(tlsCaCertificate, "tlsCaCertificate");
    if (users == null || users.isEmpty()) {
      throw new IllegalArgumentException("the connection profile of " + mspId + " has no users");
    }
    users = Map.copyOf(users);
  }

  public static ConnectionProfile read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readValue(file.toFile(), ConnectionProfile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the connection profile " + file, e);
    }
  }

  public FabricUser user(String name) {
    FabricUser user = users.get(name);
    if (user == null) {
      throw new IllegalArgumentException(
          "the connection profile of " + mspId + " has no Fabric user " + name);
    }
    return user;
  }
}
