package dev.wrkr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.store.postgres.PostgresStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link StoreContract} on PostgreSQL, and what only the PostgreSQL store promises. */
class PostgresStoreTest extends StoreContract {
  @Override
  protected TestDatabase newDatabase() {
    return PostgresFixture.shared().newDatabase();
  }

  @Test
  void an_unreachable_server_should_fail_with_store_unavailable_naming_the_url_without_password()
      throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var location =
        (StoreLocation.Postgres)
            StoreLocation.parse("postgresql://ann:s3cr%40t@127.0.0.1:" + closedPort + "/wrkr");

    var settings = new PostgresStore.Settings(1, Duration.ofSeconds(1));

    assertThatThrownBy(() -> PostgresStore.open(location, settings))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_UNAVAILABLE);
              assertThat(e.details()).containsEntry("store", location.describe());
            })
        .hasMessageContaining("postgresql://ann:***@127.0.0.1:" + closedPort + "/wrkr")
        .hasMessageContaining("check that the server is running")
        .hasMessageNotContaining("s3cr");
  }

  @Test
  void a_wrong_database_name_should_fail_with_store_unavailable() {
    var location =
        (StoreLocation.Postgres)
            StoreLocation.parse(PostgresFixture.shared().url("no_such_db"));

    assertThatThrownBy(() -> PostgresStore.open(location))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_UNAVAILABLE))
        .hasMessageContaining("no_such_db");
  }

  @Test
  void describe_should_name_the_url_without_the_password() {
    assertThat(store().describe()).startsWith("postgresql://").doesNotContain("jdbc:");
  }
}
