package dev.wrkr.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("step.stdout.log");
  }

  private static void write(RotatingLog log, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    log.write(bytes, 0, bytes.length);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private String content(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void output_under_the_bound_should_stay_in_one_file() throws IOException {
    try (RotatingLog log = RotatingLog.create(file(), 10, 2)) {
      write(log, "0123456789");
      assertThat(log.totalBytes()).isEqualTo(10);
      assertThat(log.truncated()).isFalse();
    }
    assertThat(files()).containsExactly("step.stdout.log");
    assertThat(content("step.stdout.log")).isEqualTo("0123456789");
  }

  @Test
  void rotation_should_shift_parts_and_drop_the_oldest_beyond_keep() throws IOException {
    try (RotatingLog log = RotatingLog.create(file(), 4, 2)) {
      write(log, "aaaabbbbcc");
      assertThat(log.truncated()).as("all of it still on disk").isFalse();
      write(log, "ccdd");
      write(log, "e");
      assertThat(log.totalBytes()).isEqualTo(15);
      assertThat(log.truncated()).isTrue();
    }
    assertThat(files())
        .containsExactly("step.stdout.log", "step.stdout.log.1", "step.stdout.log.2");
    assertThat(content("step.stdout.log.2")).isEqualTo("bbbb");
    assertThat(content("step.stdout.log.1")).isEqualTo("cccc");
    assertThat(content("step.stdout.log")).isEqualTo("dde");
  }

  @Test
  void keep_zero_should_hold_only_the_latest_part() throws IOException {
    try (RotatingLog log = RotatingLog.create(file(), 3, 0)) {
      write(log, "abcdefg");
      assertThat(log.truncated()).isTrue();
    }
    assertThat(files()).containsExactly("step.stdout.log");
    assertThat(content("step.stdout.log")).isEqualTo("g");
  }

  @Test
  void parts_of_an_earlier_run_should_be_removed_at_the_start() throws IOException {
    for (String stale : List.of("step.stdout.log", "step.stdout.log.1", "step.stdout.log.7")) {
      Files.writeString(dir.resolve(stale), "old");
    }
    Files.writeString(dir.resolve("step.stdout.log.keep"), "not a part");
    Files.writeString(dir.resolve("step.stderr.log.1"), "another stream");

    try (RotatingLog log = RotatingLog.create(file(), 100, 2)) {
      write(log, "new");
    }

    assertThat(files()).containsExactly(
        "step.stderr.log.1", "step.stdout.log", "step.stdout.log.keep");
    assertThat(content("step.stdout.log")).isEqualTo("new");
  }

  @Test
  void every_part_should_be_readable_by_its_owner_only() throws IOException {
    Path old = Files.writeString(dir.resolve("step.stdout.log"), "old");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-rw-rw-"));

    try (RotatingLog log = RotatingLog.create(file(), 2, 3)) {
      write(log, "aabbcc");
    }

    for (String name : files()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
          .as(name).isEqualTo("rw-------");
    }
  }

  @Test
  void a_log_that_cannot_be_written_should_keep_counting_and_say_it_is_truncated()
      throws IOException {
    RotatingLog log = RotatingLog.create(file(), 4, 1);
    Files.delete(file());
    Files.createDirectory(dir.resolve("step.stdout.log.1"));
    Files.writeString(dir.resolve("step.stdout.log.1/blocker"), "rename onto me fails");

    write(log, "aaaa");
    write(log, "bb");
    write(log, "cc");
    log.close();

    assertThat(log.totalBytes()).isEqualTo(8);
    assertThat(log.truncated()).isTrue();
  }
}
