package dev.wrkr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text mode's bounded summaries: at most 160 UTF-8 bytes, cut on a character boundary. */
class TextTest {
  private static final String[] PIECES = {"a", " ", "é", "中", "😀", "\u0800", "\n"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void bounded_should_keep_what_fits_and_cut_the_rest_on_a_character_boundary(long seed) {
    SplittableRandom rnd = new SplittableRandom(20261121L + seed);
    for (int n = 0; n < 500; n++) {
      StringBuilder s = new StringBuilder("x");
      for (int k = rnd.nextInt(120); k > 0; k--) {
        s.append(PIECES[rnd.nextInt(PIECES.length)]);
      }
      s.append('y');
      String summary = s.toString();
      assertThat(Text.bounded(summary)).as(summary).isEqualTo(reference(summary));
    }
  }

  /** The rule written the slow way: whole code points while the byte count stays within 160. */
  private static String reference(String summary) {
    String s = summary.strip();
    if (s.getBytes(StandardCharsets.UTF_8).length <= Text.SUMMARY_BYTES) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int cp : s.codePoints().toArray()) {
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > Text.SUMMARY_BYTES) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
    }
    return out + "...";
  }
}
