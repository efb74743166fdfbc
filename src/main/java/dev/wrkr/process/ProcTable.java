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
    return livingMembers(pgid, 0);
  }

  /**
   * {@link #livingMembers} for a group whose leader started less than {@link #RECENT} ago, when
   * the kernel has not wrapped its pids since: then only the leader's pid and those above it can
   * be members, and only those are read. Linux hands out pids upwards and wraps at {@code
   * pid_max}; a member descends from the leader, so its pid came later; the leader's pid is not
   * handed out again while its group has members; and a whole cycle of pids (the window is used
   * only with {@code pid_max} at 32,768 or more) cannot be handed out within {@code RECENT}. The
   * sweep after every step read the process table of the whole machine otherwise
   * (docs/performance.md).
   */
  static List<Long> livingMembersOfRecentGroup(long pgid, java.time.Duration sinceLeaderStart) {
    return livingMembersCreatedAfter(pgid, pgid, sinceLeaderStart);
  }

  /**
   * {@link #livingMembers} for a group whose members other than its leader were all created after
   * {@link #lastPid()} showed {@code lastPidBefore}, {@code since} ago: a held step's shell
   * creates nothing before its release, so that is the last pid read just before the release,
   * and the window counts from the release however long the step was held. The same argument as
   * {@link #livingMembersOfRecentGroup}: within {@link #RECENT} pids cannot wrap, so the members
   * are the leader and pids above {@code lastPidBefore} up to the last handed out. When that range
   * is small its pids are read one by one, without listing {@code /proc}.
   */
  static List<Long> livingMembersCreatedAfter(long pgid, long lastPidBefore, java.time.Duration since) {
    long last = since.compareTo(RECENT) < 0 && lastPidBefore > 0
        && readNumber("/proc/sys/kernel/pid_max") >= 32_768 ? lastPid() : -1;
    if (last < lastPidBefore) {
      return livingMembers(pgid, 0);
    }
    if (last - lastPidBefore > DIRECT_READS) {
      List<Long> members = livingMembers(pgid, lastPidBefore + 1);
      if (pgid <= lastPidBefore && isMember(pgid, stat(pgid))) {
        members.add(pgid);
      }
      return members;
    }
    List<Long> members = new ArrayList<>();
    byte[] buffer = new byte[STAT_BYTES];
    if (pgid <= lastPidBefore && isMember(pgid, existingStat(pgid, buffer))) {
      members.add(pgid);
    }
    for (long pid = lastPidBefore + 1; pid <= last; pid++) {
      if (isMember(pgid, existingStat(pid, buffer))) {
        members.add(pid);
      }
    }
    return members;
  }

  /**
   * {@link #stat(long, byte[])} after a check that {@code /proc/<pid>} exists, which costs no
   * exception when it does not: most pids of a window are gone by the sweep (the leader among
   * them, once reaped).
   */
  private static Optional<Stat> existingStat(long pid, byte[] buffer) {
    return Files.exists(PROC.resolve(Long.toString(pid))) ? stat(pid, buffer) : Optional.empty();
  }

  /** Up to this many new pids, {@link #livingMembersCreatedAfter} reads them without a listing. */
  static final int DIRECT_READS = 256;

  private static boolean isMember(long pgid, Optional<Stat> stat) {
    return stat.filter(s -> s.pgrp() == pgid && s.session() == pgid && s.living()).isPresent();
  }

  /** The last pid the kernel handed out in this pid namespace ({@code ns_last_pid}); -1 unknown. */
  static long lastPid() {
    return readNumber("/proc/sys/kernel/ns_last_pid");
  }

  /** How young a group must be for {@link #livingMembersOfRecentGroup} to read only newer pids. */
  static final java.time.Duration RECENT = java.time.Duration.ofMillis(10);

  /** The number in a small {@code /proc} file; -1 when it cannot be read. */
  private static long readNumber(String file) {
    byte[] buffer = new byte[32];
    try (FileInputStream in = new FileInputStream(file)) {
      int n = in.readNBytes(buffer, 0, buffer.length);
      return Long.parseLong(new String(buffer, 0, n, StandardCharsets.ISO_8859_1).strip());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The living members of {@code pgid} among the pids from {@code from} up. */
  private static List<Long> livingMembers(long pgid, long from) {
    String[] names = PROC.toFile().list();
    if (names == null) {
      throw new IllegalStateException("cannot list " + PROC);
    }
    List<Long> members = new ArrayList<>();
    byte[] buffer = new byte[STAT_BYTES];
    for (String name : names) {
      if (isPid(name) && Long.parseLong(name) >= from) {
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
