package dev.wrkr.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTailTest {
  private static LogTail tailOf(byte[]... chunks) {
    LogTail tail = new LogTail();
    for (byte[] chunk : chunks) {
      tail.append(chunk, 0, chunk.length);
    }
    return tail;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_short_stream_should_be_kept_whole() {
    assertThat(tailOf(utf8("hello "), utf8("world\n")).text()).isEqualTo("hello world\n");
  }

  @Test
  void an_empty_stream_should_have_an_empty_tail() {
    assertThat(new LogTail().text()).isEmpty();
  }

  @Test
  void only_the_last_4_kib_should_be_kept_across_many_small_writes() {
    LogTail tail = new LogTail();
    for (int i = 0; i < 10_000; i++) {
      byte[] line = utf8(i + "\n");
      tail.append(line, 0, line.length);
    }

    String text = tail.text();

    assertThat(text).endsWith("9998\n9999\n");
    assertThat(text.length()).isLessThanOrEqualTo(LogTail.CAPACITY);
    assertThat(text.length()).isGreaterThan(LogTail.CAPACITY - 5);
  }

  @Test
  void one_write_larger_than_the_ring_should_keep_its_end() {
    byte[] big = utf8("x".repeat(10_000) + "END");

    assertThat(tailOf(big).text()).hasSize(LogTail.CAPACITY).endsWith("xxEND");
  }

  @Test
  void a_character_cut_at_the_start_of_the_window_should_be_dropped_not_garbled() {
    // 1366 × "€" (3 bytes) = 4098 bytes: the window starts 2 bytes into the first kept "€".
    byte[] euros = utf8("€".repeat(1366));

    String text = tailOf(euros).text();

    assertThat(text).isEqualTo("€".repeat(1365));
  }

  @Test
  void bytes_that_are_not_utf8_should_become_replacement_characters() {
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xFF, '\n'};

    assertThat(tailOf(latin1).text()).isEqualTo("caf\uFFFD \uFFFD\n");
  }

  @Test
  void ansi_colours_cursor_moves_and_titles_should_be_stripped() {
    String raw = "\u001b[1;31mERROR\u001b[0m disk \u001b[2K\u001b[1Afull\u001b]0;my title\u0007!"
        + "\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ \u001b(B\u001b=done\u009b31m.";

    assertThat(LogTail.clean(raw)).isEqualTo("ERROR disk full!link done.");
  }

  @Test
  void carriage_returns_should_become_line_breaks_and_other_controls_should_go() {
    assertThat(LogTail.clean("10%\r20%\r\nbell\u0007 tab\tnul\u0000 esc\u001b"))
        .isEqualTo("10%\n20%\nbell tab\tnul esc");
  }
}
