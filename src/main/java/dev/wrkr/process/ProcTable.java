package dev.wrkr.process;

import java.io.IOException;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linux's process table as {@code /proc/<pid>/stat} shows it. Used to find the living members of
 * a process group, which the JDK cannot list, and to tell a zombie (dead, waiting to be reaped)
 * from a living process, which {@link ProcessHandle#isAlive()} does not.
 */
final class ProcTable {
  private static final Path PROC = Path.of("/proc");

  private ProcTable() {}

  /** One process: its state ({@code Z} zombie, {@code X} dead), parent, group and session. */
  record Stat(long pid, char state, long ppid, long pgrp, long session) {
    boolean living() {
      return state != 'Z' && state != 'X';
    }
  }

  /** True where there is a {@code /proc} to read. */
  static boolean available() {
    return Files.isReadable(PROC.resolve("self/stat"));
  }

  /** The process {@code pid}, if it still exists. */
  static Optional<Stat> stat(long pid) {
    return stat(pid, new byte[STAT_BYTES]);
  }

  private static final int STAT_BYTES = 1024;

  /**
   * Reads {@code /proc/<pid>/stat} into {@code buffer} with one plain read: {@link
   * #livingMembers} reads it for every process on the machine after each step, and the NIO
   * path (channel, size check, charset decoding) cost twice as much (docs/performance.md).
   */
  private static Optional<Stat> stat(long pid, byte[] buffer) {
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
      int n = in.readNBytes(buffer, 0, buffer.length);
      return Optional.of(parse(pid, new String(buffer, 0, n, StandardCharsets.ISO_8859_1)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** True if {@code process} exists and is not a zombie. */
  static boolean living(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    return !available() || stat(process.pid()).map(Stat::living).orElse(false);
  }

  /**
   * Pids of the living processes in the process group {@code pgid} of the session {@code pgid}
   * (the group a {@code setsid} leader creates), in no particular order.
   */
  static List<Long> livingMembers(long pgid) {
    String[] names = PROC.toFile().list();
    if (names == null) {
      throw new IllegalStateException("cannot list " + PROC);
    }
    List<Long> members = new ArrayList<>();
    byte[] buffer = new byte[STAT_BYTES];
    for (String name : names) {
      if (isPid(name)) {
        stat(Long.parseLong(name), buffer)
            .filter(s -> s.pgrp() == pgid && s.session() == pgid && s.living())
            .ifPresent(s -> members.add(s.pid()));
      }
    }
    return members;
  }

  // "pid (comm) S ppid pgrp session ...": comm may hold spaces and parentheses, so the fields
  // are counted from the last ')'.
  static Stat parse(long pid, String line) {
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ", 5);
    return new Stat(pid, fields[0].charAt(0), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
        Long.parseLong(fields[3]));
  }

  private static boolean isPid(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
