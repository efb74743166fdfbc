package dev.wrkr.wrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a log the way the runner writes and rotates it (RotatingLog: rename to .1, shift, new file). */
class LogFollowerTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

  private Path log() {
    return dir.resolve("step-0-a1.stdout.log");
  }

  private void append(Path p, String text) throws Exception {
    Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** What RotatingLog does when the file is full: shift the parts up, drop the one past keep, start anew. */
  private void rotate(int keep) throws Exception {
    Files.deleteIfExists(dir.resolve(log().getFileName() + "." + keep));
    for (int i = keep - 1; i >= 1; i--) {
      Path part = dir.resolve(log().getFileName() + "." + i);
      if (Files.exists(part)) {
        Files.move(part, dir.resolve(log().getFileName() + "." + (i + 1)), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(log(), dir.resolve(log().getFileName() + ".1"));
    Files.createFile(log());
  }

  private String copied() {
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void it_should_wait_for_the_file_then_copy_only_what_is_new() throws Exception {
    try (LogFollower f = new LogFollower(log(), 2, sink)) {
      assertThat(f.poll()).isZero();
      append(log(), "one\n");
      f.poll();
      append(log(), "two\n");
      f.poll();
      f.poll();
      assertThat(copied()).isEqualTo("one\ntwo\n");
    }
  }

  @Test
  void a_rotation_should_finish_the_old_file_then_continue_in_the_new_one() throws Exception {
    try (LogFollower f = new LogFollower(log(), 2, sink)) {
      append(log(), "a\n");
      f.poll();
      append(log(), "b\n");  // written after the last poll, before the rotation
      rotate(2);
      append(log(), "c\n");
      f.poll();
      append(log(), "d\n");
      f.poll();
      assertThat(copied()).isEqualTo("a\nb\nc\nd\n");
    }
  }

  @Test
  void several_rotations_between_two_polls_should_lose_and_repeat_nothing() throws Exception {
    try (LogFollower f = new LogFollower(log(), 2, sink)) {
      append(log(), "1\n");
      f.poll();
      append(log(), "2\n");
      rotate(2);
      append(log(), "3\n");
      rotate(2);
      append(log(), "4\n");
      f.poll();
      assertThat(copied()).isEqualTo("1\n2\n3\n4\n");
    }
  }

  @Test
  void rotations_before_the_first_poll_should_be_copied_from_the_oldest_part() throws Exception {
    try (LogFollower f = new LogFollower(log(), 2, sink)) {
      append(log(), "1\n");
      rotate(2);
      append(log(), "2\n");
      rotate(2);
      append(log(), "3\n");
      f.poll();
      assertThat(copied()).isEqualTo("1\n2\n3\n");
    }
  }

  @Test
  void with_no_kept_parts_a_deleted_file_should_still_be_read_to_its_end() throws Exception {
    try (LogFollower f = new LogFollower(log(), 0, sink)) {
      append(log(), "x\n");
      f.poll();
      append(log(), "y\n");
      Files.delete(log());
      Files.createFile(log());
      append(log(), "z\n");
      f.poll();
      assertThat(copied()).isEqualTo("x\ny\nz\n");
    }
  }

  @Test
  void logs_of_an_earlier_run_should_never_be_copied() throws Exception {
    append(log(), "old\n");
    append(dir.resolve(log().getFileName() + ".1"), "older\n");
    try (LogFollower f = new LogFollower(log(), 2, sink)) {
      f.poll();
      assertThat(copied()).isEmpty();
      // The runner deletes them and starts a new file (which may get the old inode number).
      Files.delete(dir.resolve(log().getFileName() + ".1"));
      Files.delete(log());
      append(log(), "new\n");
      f.poll();
      assertThat(copied()).isEqualTo("new\n");
    }
  }

  @Test
  void live_logs_should_drain_everything_when_closed() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path stderr = dir.resolve("step-0-a1.stderr.log");
    // Four rotations may come between two polls here; with ten parts kept none is lost.
    LiveLogs logs = LiveLogs.start(List.of(new LogFollower(log(), 10, sink), new LogFollower(stderr, 10, err)),
        Duration.ofMillis(10));
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      append(log(), i + "\n");
      expected.append(i).append('\n');
      if (i % 50 == 49) {
        rotate(10);
      }
    }
    append(stderr, "warn\n");
    logs.close();
    assertThat(copied()).isEqualTo(expected.toString());
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warn\n");
  }
}
