package io.tradeledger.chaincode.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shim's per-request INFO lines are off unless its own variables ask for them. */
class ShimLoggingTest {
  private final Logger routing = Logger.getLogger("org.hyperledger.fabric.contract");
  private final Logger shim = Logger.getLogger("org.hyperledger.fabric.shim");
  private final Logger ours = Logger.getLogger("io.tradeledger.chaincode");
  private Level routingBefore;
  private Level shimBefore;

  @BeforeEach
  void shimSetsItsDefault() {
    routingBefore = routing.getLevel();
    shimBefore = shim.getLevel();
    // What the shim's ContractRouter does when its variables are unset.
    routing.setLevel(Level.INFO);
    shim.setLevel(Level.INFO);
  }

  @AfterEach
  void restore() {
    routing.setLevel(routingBefore);
    shim.setLevel(shimBefore);
  }

  @Test
  void without_configuration_the_shim_logs_warnings_only_and_our_info_stays() {
    ChaincodeServerMain.quietShimLogging(Map.of());

    assertThat(routing.getLevel()).isEqualTo(Level.WARNING);
    assertThat(shim.getLevel()).isEqualTo(Level.WARNING);
    assertThat(
            Logger.getLogger("org.hyperledger.fabric.contract.ContractRouter")
                .isLoggable(Level.INFO))
        .isFalse();
    assertThat(ours.isLoggable(Level.INFO)).isTrue();
  }

  @Test
  void a_level_set_through_the_shims_variables_is_kept() {
    ChaincodeServerMain.quietShimLogging(
        Map.of(
            ChaincodeServerMain.ROUTING_LOG_LEVEL,
            "INFO",
            ChaincodeServerMain.SHIM_LOG_LEVEL,
            " "));

    assertThat(routing.getLevel()).isEqualTo(Level.INFO);
    assertThat(shim.getLevel()).isEqualTo(Level.WARNING);
  }
}
