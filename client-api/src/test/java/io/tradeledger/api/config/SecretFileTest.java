package io.tradeledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {
  @TempDir Path directory;

  @Test
  void a_missing_secret_is_created_for_the_owner_only_and_then_kept() throws Exception {
    Path file = directory.resolve("data/terms-salt-secret");

    byte[] created = SecretFile.readOrCreate(file, new SecureRandom());
    byte[] again = SecretFile.readOrCreate(file, new SecureRandom());

    assertThat(created).hasSize(32).isEqualTo(again);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void a_secret_that_others_may_read_or_that_is_too_short_stops_the_service() throws Exception {
    Path readable = directory.resolve("readable");
    Files.writeString(readable, "a".repeat(43) + "\n");
    Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
    Path shortSecret = directory.resolve("short");
    Files.writeString(shortSecret, "c2hvcnQ\n");
    Files.setPosixFilePermissions(shortSecret, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> SecretFile.readOrCreate(readable, new SecureRandom()))
        .hasMessageContaining("owner only")
        .hasMessageNotContaining("aaaa");
    assertThatThrownBy(() -> SecretFile.readOrCreate(shortSecret, new SecureRandom()))
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining("c2hvcnQ");
  }
}
