package io.tradeledger.api.ledger;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * Signs Fabric messages with a user's P-256 key: ECDSA over the digest the Gateway computed, with
 * deterministic nonces (RFC 6979), in the low-S form Fabric requires, DER-encoded, which is what
 * fabric-gateway's {@code Signers.newPrivateKeySigner} produces too.
 *
 * <p>Why not that signer: for a key read with {@code Identities.readPrivateKey} it hands
 * BouncyCastle a JCA key, whose curve BouncyCastle converts anew on every signature, so the table
 * of multiples of the curve's generator that makes signing fast is computed again each time. That
 * was a third of the API's request CPU on the network (benchmark/README.md). This signer uses one
 * curve for all keys, whose table is computed once. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Gateway.newInstance().identity(identity).signer(P256Signer.of(privateKey))...
 * }</pre>
 */
public final class P256Signer implements Signer {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final BigInteger HALF_ORDER = CURVE.getN().shiftRight(1);

  private final ECPrivateKeyParameters key;

  private P256Signer(BigInteger secret) {
    this.key = new ECPrivateKeyParameters(secret, DOMAIN);
  }

  /**
   * A signer with {@code privateKey}, which must be an EC key on P-256 (the curve of every Fabric
   * CA's and cryptogen's keys).
   *
   * @throws IllegalArgumentException for any other key
   */
  public static P256Signer of(PrivateKey privateKey) {
    if (!(privateKey instanceof ECPrivateKey key) || !isP256(key.getParams())) {
      throw new IllegalArgumentException("a Fabric identity's key must be an EC key on P-256");
    }
    return new P256Signer(key.getS());
  }

  @Override
  public byte[] sign(byte[] digest) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, key);
    BigInteger[] signature = signer.generateSignature(digest);
    BigInteger s = signature[1];
    // Of the two valid values of s, Fabric accepts only the lower one.
    if (s.compareTo(HALF_ORDER) > 0) {
      s = CURVE.getN().subtract(s);
    }
    try {
      return StandardDSAEncoding.INSTANCE.encode(CURVE.getN(), signature[0], s);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("DER encoding of a signature in memory failed", e);
    }
  }

  private static boolean isP256(ECParameterSpec parameters) {
    if (parameters == null || !(parameters.getCurve().getField() instanceof ECFieldFp field)) {
      return false;
    }
    ECPoint generator = parameters.getGenerator();
    return field.getP().equals(CURVE.getCurve().getField().getCharacteristic())
        && parameters.getCurve().getA().equals(CURVE.getCurve().getA().toBigInteger())
        && parameters.getCurve().getB().equals(CURVE.getCurve().getB().toBigInteger())
        && parameters.getOrder().equals(CURVE.getN())
        && generator.getAffineX().equals(CURVE.getG().getAffineXCoord().toBigInteger())
        && generator.getAffineY().equals(CURVE.getG().getAffineYCoord().toBigInteger());
  }
}
