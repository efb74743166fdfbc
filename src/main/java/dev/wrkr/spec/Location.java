package dev.wrkr.spec;

/**
 * A place in a JobSpec file, 1-based. Columns count characters of the line (code points for YAML,
 * UTF-16 units for JSON, as the parsers report them).
 */
record Location(int line, int column) implements Comparable<Location> {
  Location {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  @Override
  public int compareTo(Location other) {
    return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
  }

  /** {@code (line 3, column 7)}. */
  String describe() {
    return "(line " + line + ", column " + column + ")";
  }
}
