package io.tradeledger.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret of the organization kept in a file readable by its owner only: 32 or more random bytes
 * in URL-safe Base64 on one line. The file is created on first use when missing; an existing file
 * that others may read, or that holds too little, stops the service. Its content is never logged.
 */
public final class SecretFile {
  private static final Logger LOG = LoggerFactory.getLogger(SecretFile.class);
  private static final int BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private SecretFile() {}

  /** The secret's bytes, created with {@code random} when the file does not exist yet. */
  public static byte[] readOrCreate(Path file, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        create(file, random);
      }
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
          throw new IllegalStateException(
              "the secret file " + file + " must be readable by its owner only (chmod 600)");
        }
      }
      byte[] secret;
      try {
        secret =
            Base64.getUrlDecoder()
                .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "the secret file " + file + " must hold URL-safe Base64, one line", null);
      }
      if (secret.length < BYTES) {
        throw new IllegalStateException(
            "the secret file " + file + " must hold at least " + BYTES + " bytes");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret file " + file, e);
    }
  }

  private static void create(Path file, SecureRandom random) throws IOException {
    byte[] secret = new byte[BYTES];
    random.nextBytes(secret);
    String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n";
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary;
    if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
      temporary =
          Files.createTempFile(
              directory, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      temporary = Files.createTempFile(directory, ".secret", ".tmp");
    }
    Files.writeString(temporary, text, StandardCharsets.US_ASCII);
    try {
      // A link, not a move: if another instance created the file meanwhile, its secret stays.
      Files.createLink(file, temporary);
      LOG.info("Created a new secret file {}", file);
    } catch (FileAlreadyExistsException e) {
      LOG.info("The secret file {} was created meanwhile; using it", file);
    } finally {
      Files.delete(temporary);
    }
  }
}
