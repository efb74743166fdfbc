package dev.wrkr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreLocationTest {
  @Test
  void a_postgresql_url_should_move_user_and_password_out_of_the_jdbc_url() {
    assertThat(StoreLocation.parse("postgresql://ann:pw@db.example:5433/wrkr?sslmode=require"))
        .isEqualTo(
            new StoreLocation.Postgres(
                "jdbc:postgresql://db.example:5433/wrkr?sslmode=require",
                Optional.of("ann"),
                Optional.of("pw")));
  }

  @Test
  void postgres_and_jdbc_postgresql_urls_should_mean_the_same() {
    StoreLocation expected = StoreLocation.parse("postgresql://ann:pw@h:5432/db");

    assertThat(StoreLocation.parse("postgres://ann:pw@h:5432/db")).isEqualTo(expected);
    assertThat(StoreLocation.parse("jdbc:postgresql://ann:pw@h:5432/db")).isEqualTo(expected);
    assertThat(StoreLocation.parse("POSTGRESQL://ann:pw@h:5432/db")).isEqualTo(expected);
  }

  @Test
  void user_and_password_should_be_percent_decoded_as_utf8_keeping_plus_signs() {
    var pg =
        (StoreLocation.Postgres) StoreLocation.parse("postgresql://a%40b:p%3As%2Fw+%C3%A9%25@h/db");

    assertThat(pg.user()).contains("a@b");
    assertThat(pg.password()).contains("p:s/w+é%");
  }

  @Test
  void a_url_without_credentials_or_database_should_leave_them_to_the_driver() {
    assertThat(StoreLocation.parse("postgresql://h"))
        .isEqualTo(
            new StoreLocation.Postgres("jdbc:postgresql://h/", Optional.empty(), Optional.empty()));
    assertThat(StoreLocation.parse("postgresql://ann@h:1/db"))
        .isEqualTo(
            new StoreLocation.Postgres(
                "jdbc:postgresql://h:1/db", Optional.of("ann"), Optional.empty()));
    assertThat(StoreLocation.parse("postgresql://h1:5432,h2:5432/db?targetServerType=primary"))
        .isEqualTo(
            new StoreLocation.Postgres(
                "jdbc:postgresql://h1:5432,h2:5432/db?targetServerType=primary",
                Optional.empty(),
                Optional.empty()));
  }

  @Test
  void describe_and_toString_should_never_show_the_password() {
    StoreLocation pg =
        StoreLocation.parse("postgresql://ann:hunter2@h:5432/db?password=hunter3&ssl=true");

    assertThat(pg.describe()).isEqualTo("postgresql://ann:***@h:5432/db?password=***&ssl=true");
    assertThat(pg.toString()).doesNotContain("hunter");
  }

  @Test
  void sqlite_urls_and_plain_paths_should_name_a_file() {
    assertThat(StoreLocation.parse("sqlite:///var/lib/wrkr/wrkr.db"))
        .isEqualTo(new StoreLocation.Sqlite(Path.of("/var/lib/wrkr/wrkr.db")));
    assertThat(StoreLocation.parse("sqlite:data/wrkr.db"))
        .isEqualTo(new StoreLocation.Sqlite(Path.of("data/wrkr.db")));
    assertThat(StoreLocation.parse("sqlite:/abs/wrkr.db"))
        .isEqualTo(new StoreLocation.Sqlite(Path.of("/abs/wrkr.db")));
    assertThat(StoreLocation.parse("/tmp/x/wrkr.db"))
        .isEqualTo(new StoreLocation.Sqlite(Path.of("/tmp/x/wrkr.db")));
    assertThat(StoreLocation.parse("wrkr.db"))
        .isEqualTo(new StoreLocation.Sqlite(Path.of("wrkr.db")));
    assertThat(StoreLocation.parse("sqlite:/abs/wrkr.db").describe()).isEqualTo("/abs/wrkr.db");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "mysql://h/db",
        "sqlite:",
        "sqlite://host/file.db",
        "postgresql:db",
        "postgresql:///db",
        "postgresql://:pw@h/db",
        "postgresql://ann:bad%zz@h/db",
        "postgresql://ann:%C3@h/db",
        "jdbc:sqlite:x.db"
      })
  void a_url_that_cannot_be_used_should_fail_as_invalid_input(String url) {
    assertThatThrownBy(() -> StoreLocation.parse(url))
        .isInstanceOfSatisfying(
            WrkrException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA));
  }

  @Test
  void an_invalid_url_should_not_echo_its_password() {
    assertThatThrownBy(() -> StoreLocation.parse("postgresql://:hunter2@h/db?password=hunter3"))
        .isInstanceOfSatisfying(
            WrkrException.class,
            e -> assertThat(e.getMessage() + e.details()).doesNotContain("hunter"));
    assertThatThrownBy(() -> StoreLocation.parse("postgresql://ann:hunter2%zz@h/db"))
        .isInstanceOfSatisfying(
            WrkrException.class,
            e -> assertThat(e.getMessage() + e.details()).doesNotContain("hunter2"));
  }

  @Test
  void the_default_store_should_be_WRKR_STORE_URL_when_set() {
    assertThat(
            StoreLocation.defaultFor(
                Map.of(
                    "WRKR_STORE_URL", "postgresql://h/db", "WRKR_HOME", "/w", "HOME", "/home/ann")))
        .isInstanceOf(StoreLocation.Postgres.class);
  }

  @Test
  void the_default_store_should_be_sqlite_under_WRKR_HOME_else_under_HOME() {
    assertThat(StoreLocation.defaultFor(Map.of("WRKR_HOME", "/w", "HOME", "/home/ann")))
        .isEqualTo(new StoreLocation.Sqlite(Path.of("/w/wrkr.db")));
    assertThat(StoreLocation.defaultFor(Map.of("HOME", "/home/ann")))
        .isEqualTo(new StoreLocation.Sqlite(Path.of("/home/ann/.wrkr/wrkr.db")));
    assertThat(
            StoreLocation.defaultFor(Map.of("WRKR_STORE_URL", "", "WRKR_HOME", "", "HOME", "/h")))
        .isEqualTo(new StoreLocation.Sqlite(Path.of("/h/.wrkr/wrkr.db")));
  }

  @Test
  void without_WRKR_HOME_and_HOME_the_store_should_be_unavailable_with_a_hint() {
    assertThatThrownBy(() -> StoreLocation.defaultFor(Map.of("USER", "ann")))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_UNAVAILABLE))
        .hasMessageContaining("WRKR_HOME")
        .hasMessageContaining("HOME");
  }
}
