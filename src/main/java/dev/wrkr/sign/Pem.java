package dev.wrkr.sign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text (RFC 7468, strict form): blocks of base64 between {@code -----BEGIN L-----} and {@code
 * -----END L-----} lines. Between blocks only blank lines and lines starting with {@code #} may
 * appear. Problems name the file and line, never the content.
 */
final class Pem {
  static final String PRIVATE_KEY = "PRIVATE KEY";
  static final String PUBLIC_KEY = "PUBLIC KEY";

  private static final int LINE_WIDTH = 64;
  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9]+(?: [A-Z0-9]+)*)-----");
  private static final Pattern END = Pattern.compile("-----END ([A-Z0-9]+(?: [A-Z0-9]+)*)-----");
  private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

  private Pem() {}

  /** One block: its label, the DER bytes it holds and the line of its BEGIN (1-based). */
  record Block(String label, byte[] der, int line) {
    @Override
    public String toString() {
      return "Pem.Block[" + label + " at line " + line + "]";
    }
  }

  /** The PEM text of one block, lines of 64 characters, ending with a newline. */
  static String encode(String label, byte[] der) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
    for (int i = 0; i < base64.length(); i += LINE_WIDTH) {
      out.append(base64, i, Math.min(base64.length(), i + LINE_WIDTH)).append('\n');
    }
    return out.append("-----END ").append(label).append("-----\n").toString();
  }

  /**
   * The blocks of a PEM text, in order.
   *
   * @throws KeyFileException when the text is not strict PEM as described above
   */
  static List<Block> parse(String text, Path file) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String label = null;
    int begin = 0;
    StringBuilder base64 = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      if (label == null) {
        Matcher start = BEGIN.matcher(line);
        if (start.matches()) {
          label = start.group(1);
          begin = number;
          base64.setLength(0);
        } else if (!line.isEmpty() && !line.startsWith("#")) {
          throw KeyFileException.invalid(file, number,
              "text outside a PEM block (only blank lines and lines starting with # may appear between blocks)");
        }
      } else if (END.matcher(line).matches()) {
        if (!line.equals("-----END " + label + "-----")) {
          throw KeyFileException.invalid(file, number, "the " + label + " block that begins at line " + begin
              + " ends with another label");
        }
        blocks.add(new Block(label, decode(base64, label, begin, file), begin));
        label = null;
      } else if (!BASE64_LINE.matcher(line).matches()) {
        throw KeyFileException.invalid(file, number, "the " + label + " block holds a line that is not base64");
      } else {
        base64.append(line);
      }
    }
    if (label != null) {
      throw KeyFileException.invalid(file, begin, "the " + label + " block has no END line");
    }
    return blocks;
  }

  private static byte[] decode(CharSequence base64, String label, int begin, Path file) {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      throw KeyFileException.invalid(file, begin, "the " + label + " block is not valid base64");
    }
    if (der.length == 0) {
      throw KeyFileException.invalid(file, begin, "the " + label + " block is empty");
    }
    return der;
  }
}
