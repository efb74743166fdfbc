package dev.wrkr.jobpack.archive;

import dev.wrkr.codec.Utf8;
import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;

/**
 * The rules for entry names: a name must be a plain relative path that stays inside the archive
 * wherever it is extracted, on any operating system.
 *
 * <p>Names are always decoded as strict UTF-8, whether or not the entry sets the UTF-8 flag (bit
 * 11): the writers we accept use UTF-8, and a CP437 name with bytes above 0x7F is refused rather
 * than guessed at. Windows device names ({@code CON}, {@code NUL}) and colons after the first
 * segment are not refused: jobpack readers never extract to a Windows file system by name.
 */
final class EntryNames {
  /** Longer names are refused; jobpack paths are far shorter and file systems cap near 1024. */
  static final int MAX_NAME_BYTES = 1024;
  private static final int MAX_DISPLAY_CHARS = 200;

  private EntryNames() {}

  /** Decodes {@code raw} and checks it; the result keeps a directory's trailing {@code /}. */
  static String check(byte[] raw, Path zip) {
    if (raw.length == 0) {
      throw unsafe(zip, "", "is empty");
    }
    if (raw.length > MAX_NAME_BYTES) {
      String shown = display(lossy(raw));
      throw unsafe(zip, shown, "is longer than " + MAX_NAME_BYTES + " bytes");
    }
    String name = Utf8.decode(raw)
        .orElseThrow(() -> unsafe(zip, display(lossy(raw)), "is not valid UTF-8"));
    String problem = problem(name);
    if (problem != null) {
      throw unsafe(zip, display(name), problem);
    }
    return name;
  }

  /** What is wrong with a decoded name, or {@code null} when it is safe. */
  private static String problem(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        return "contains a control character";
      }
      if (c == '\\') {
        return "contains a backslash";
      }
    }
    if (name.startsWith("/")) {
      return "is absolute";
    }
    if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
      return "is absolute (a Windows drive)";
    }
    String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    for (String segment : path.split("/", -1)) {
      switch (segment) {
        case "" -> {
          return "has an empty segment";
        }
        case ".." -> {
          return "escapes the archive";
        }
        case "." -> {
          return "has a '.' segment";
        }
        default -> {}
      }
    }
    return null;
  }

  /**
   * The key two entries collide on: NFC-normalized, without a directory's trailing slash (a file
   * {@code a} and a directory {@code a/} cannot both be extracted). Case is kept: jobpack paths are
   * case-sensitive, like the Go original's.
   */
  static String duplicateKey(String name) {
    String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    return Normalizer.normalize(path, Normalizer.Form.NFC);
  }

  /** A name fit for messages and terminals: control characters escaped, long names cut. */
  static String display(String name) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < name.length() && out.length() < MAX_DISPLAY_CHARS; i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return i < name.length() ? out + "..." : out.toString();
  }

  /** A name's bytes decoded for display only, bad sequences replaced. */
  static String lossy(byte[] raw) {
    return new String(raw, StandardCharsets.UTF_8);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static JobpackArchiveException unsafe(Path zip, String shown, String problem) {
    return new JobpackArchiveException(
        Kind.UNSAFE_ENTRY_NAME, zip, shown, "jobpack entry name " + problem + ": " + shown);
  }
}
