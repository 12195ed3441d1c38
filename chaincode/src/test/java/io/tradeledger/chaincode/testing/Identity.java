package io.tradeledger.chaincode.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A client identity of an organization, as Fabric serializes it for a transaction's creator: the
 * MSP ID and a real X.509 certificate, so the shim's own {@code ClientIdentity} parses it.
 */
public record Identity(String mspId, String commonName, byte[] serialized) {
  private static final Map<String, Identity> CACHE = new ConcurrentHashMap<>();

  /** The identity {@code CN=commonName, OU=client} of {@code mspId}; the same object each time. */
  public static Identity of(String mspId, String commonName) {
    return CACHE.computeIfAbsent(mspId + "/" + commonName, key -> create(mspId, commonName));
  }

  /** What {@code ClientIdentity.getId()} returns for this identity. */
  public String id() {
    String issuer = "CN=ca." + mspId.toLowerCase(java.util.Locale.ROOT) + ", O=" + mspId;
    return "x509::CN=" + commonName + ", OU=client, O=" + mspId + "::" + issuer;
  }

  private static Identity create(String mspId, String commonName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      Instant now = Instant.parse("2026-01-01T00:00:00Z");
      X500Name issuer =
          new X500Name("O=" + mspId + ",CN=ca." + mspId.toLowerCase(java.util.Locale.ROOT));
      X500Name subject = new X500Name("O=" + mspId + ",OU=client,CN=" + commonName);
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          issuer,
                          BigInteger.valueOf(commonName.hashCode() & 0x7fffffffL),
                          Date.from(now),
                          Date.from(now.plus(3650, ChronoUnit.DAYS)),
                          subject,
                          keys.getPublic())
                      .build(
                          new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                  .encodeToString(certificate.getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      byte[] serialized =
          SerializedIdentity.newBuilder()
              .setMspid(mspId)
              .setIdBytes(com.google.protobuf.ByteString.copyFromUtf8(pem))
              .build()
              .toByteArray();
      return new Identity(mspId, commonName, serialized);
    } catch (java.security.GeneralSecurityException
        | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException("cannot create a test certificate", e);
    }
  }
}
