package io.tradeledger.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tradeledger.api.ledger.P256Signer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.X509Identity;

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

  /** A gRPC channel to the organization's peer over TLS, trusting its CA, naming its host. */
  public ManagedChannel openChannel() throws IOException {
    return NettyChannelBuilder.forTarget(peerEndpoint)
        .sslContext(GrpcSslContexts.forClient().trustManager(tlsCaCertificate.toFile()).build())
        .overrideAuthority(peerHostAlias)
        .build();
  }

  /**
   * A Gateway of the named user through {@code channel}: the user's certificate as identity, its
   * private key as signer ({@link P256Signer}), SHA-256; the caller adds deadlines and connects.
   *
   * @throws IOException when a credential file cannot be read
   * @throws GeneralSecurityException when the certificate or key cannot be used
   */
  public Gateway.Builder gateway(String name, Channel channel)
      throws IOException, GeneralSecurityException {
    FabricUser user = user(name);
    try (Reader certificate = Files.newBufferedReader(user.certificate());
        Reader key = Files.newBufferedReader(user.privateKey())) {
      return Gateway.newInstance()
          .identity(new X509Identity(mspId, Identities.readX509Certificate(certificate)))
          .signer(P256Signer.of(Identities.readPrivateKey(key)))
          .hash(Hash.SHA256)
          .connection(channel);
    }
  }
}
