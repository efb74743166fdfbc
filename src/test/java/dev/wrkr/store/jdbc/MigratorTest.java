package dev.wrkr.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigratorTest {
  private static final Path MIGRATIONS = Path.of("src/main/resources/dev/wrkr/store/migrations");

  @Test
  void every_migration_file_should_be_listed_in_code_for_every_dialect() throws IOException {
    for (String dialect : List.of("sqlite", "postgres")) {
      List<String> listed =
          Migrator.MIGRATIONS.stream()
              .map(m -> Path.of(m.resource(dialect)).getFileName().toString())
              .toList();
      try (Stream<Path> files = Files.list(MIGRATIONS.resolve(dialect))) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .as(dialect)
            .containsExactlyInAnyOrderElementsOf(listed);
      }
    }
  }

  @Test
  void migrations_should_be_numbered_1_to_n_without_gaps() {
    for (int i = 0; i < Migrator.MIGRATIONS.size(); i++) {
      assertThat(Migrator.MIGRATIONS.get(i).version()).isEqualTo(i + 1);
    }
  }

  @Test
  void statements_should_split_at_semicolons_that_end_a_line_and_drop_comment_only_parts() {
    String sql =
        """
        -- a comment; not a statement
        CREATE TABLE a (x TEXT DEFAULT 'a;b');
        -- only a comment
        ;
        CREATE INDEX i ON a (x);""";

    assertThat(Migrator.statements(sql))
        .containsExactly(
            "-- a comment; not a statement\nCREATE TABLE a (x TEXT DEFAULT 'a;b')",
            "CREATE INDEX i ON a (x)");
  }
}
