package io.tradeledger.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.junit.jupiter.api.Test;

/** Signatures Fabric accepts: valid ECDSA over the digest, low S, DER, from P-256 keys only. */
class P256SignerTest {
  private static final BigInteger ORDER = CustomNamedCurves.getByName("secp256r1").getN();

  private static KeyPair keys(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  private static byte[] digest(String message) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8));
  }

  /** The JDK's own verification of an ECDSA signature over a digest. */
  private static boolean verifies(PublicKey key, byte[] digest, byte[] signature) throws Exception {
    Signature verifier = Signature.getInstance("NONEwithECDSA", "SunEC");
    verifier.initVerify(key);
    verifier.update(digest);
    return verifier.verify(signature);
  }

  @Test
  void signatures_verify_with_the_public_key_and_only_for_their_digest() throws Exception {
    KeyPair keys = keys("secp256r1");
    P256Signer signer = P256Signer.of(keys.getPrivate());

    byte[] signature = signer.sign(digest("proposal"));

    assertThat(verifies(keys.getPublic(), digest("proposal"), signature)).isTrue();
    assertThat(verifies(keys.getPublic(), digest("another proposal"), signature)).isFalse();
    assertThat(verifies(keys("secp256r1").getPublic(), digest("proposal"), signature)).isFalse();
  }

  @Test
  void s_is_always_the_lower_of_its_two_values() throws Exception {
    P256Signer signer = P256Signer.of(keys("secp256r1").getPrivate());

    for (int i = 0; i < 200; i++) {
      byte[] signature = signer.sign(digest("proposal " + i));

      BigInteger s = StandardDSAEncoding.INSTANCE.decode(ORDER, signature)[1];
      assertThat(s).isLessThanOrEqualTo(ORDER.shiftRight(1));
    }
  }

  @Test
  void the_same_digest_gets_the_same_signature_rfc_6979() throws Exception {
    P256Signer signer = P256Signer.of(keys("secp256r1").getPrivate());

    assertThat(signer.sign(digest("proposal"))).isEqualTo(signer.sign(digest("proposal")));
    assertThat(signer.sign(digest("proposal"))).isNotEqualTo(signer.sign(digest("other")));
  }

  @Test
  void signs_a_key_read_from_pem_as_fabric_gateways_own_signer_does() throws Exception {
    KeyPair keys = keys("secp256r1");
    var key = Identities.readPrivateKey(Identities.toPemString(keys.getPrivate()));
    byte[] digest = digest("proposal");

    byte[] ours = P256Signer.of(key).sign(digest);
    byte[] gateways =
        Signers.newPrivateKeySigner((java.security.interfaces.ECPrivateKey) key).sign(digest);

    assertThat(verifies(keys.getPublic(), digest, ours)).isTrue();
    assertThat(verifies(keys.getPublic(), digest, gateways)).isTrue();
    // Both DER sequences of two integers, both with the low s.
    assertThat(StandardDSAEncoding.INSTANCE.decode(ORDER, ours)[1])
        .isLessThanOrEqualTo(ORDER.shiftRight(1));
    assertThat(StandardDSAEncoding.INSTANCE.decode(ORDER, gateways)[1])
        .isLessThanOrEqualTo(ORDER.shiftRight(1));
  }

  @Test
  void refuses_keys_that_are_not_on_p256() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);

    assertThatThrownBy(() -> P256Signer.of(keys("secp384r1").getPrivate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
    assertThatThrownBy(() -> P256Signer.of(rsa.generateKeyPair().getPrivate()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
