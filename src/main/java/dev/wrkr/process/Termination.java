package dev.wrkr.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops everything one step started: SIGTERM, a grace period, SIGKILL for what is left.
 *
 * <p>With a process group ({@link ProcessGroupMode.NewSession}) the group is signalled as one,
 * through the shell's {@code kill -s SIG -- -pgid}; the shell itself and any descendant that left
 * the group are signalled one by one. Without a group only the latter happens. Liveness ignores
 * zombies: an orphan that is dead but not yet reaped by init is not waited for.
 */
final class Termination {
  private static final Duration POLL = Duration.ofMillis(50);
  /** How long to wait for SIGKILLed processes to disappear before giving up on them. */
  private static final Duration AFTER_KILL = Duration.ofSeconds(10);

  private final Process leader;
  private final OptionalLong group;
  private final Path shell;
  private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

  Termination(Process leader, ProcessGroupMode mode, Path shell) {
    this.leader = leader;
    this.group = switch (mode) {
      case ProcessGroupMode.NewSession s -> OptionalLong.of(leader.pid());
      case ProcessGroupMode.DescendantWalk d -> OptionalLong.empty();
    };
    this.shell = shell;
  }

  /** TERM, wait up to {@code grace} for all to end, KILL the rest and wait for them to go. */
  void terminate(Duration grace) throws InterruptedException {
    rememberDescendants();
    signal("TERM");
    if (!waitUntilGone(grace)) {
      signal("KILL");
      waitUntilGone(AFTER_KILL);
    }
  }

  /**
   * After the shell exited by itself: terminates whatever it left running in its group, whose
   * members other than the shell were all created after the kernel handed out pid {@code
   * lastPidBefore}, {@code since} ago ({@link ProcTable#livingMembersCreatedAfter}).
   */
  void sweep(Duration grace, long lastPidBefore, Duration since) throws InterruptedException {
    if (leader.isAlive()
        || group.isPresent()
            && !ProcTable.livingMembersCreatedAfter(group.getAsLong(), lastPidBefore, since).isEmpty()
        || seen.stream().anyMatch(ProcTable::living)) {
      terminate(grace);
    }
  }

  /** True while the shell, a member of its group or a remembered descendant lives. */
  boolean anyAlive() {
    return leader.isAlive()
        || group.isPresent() && !ProcTable.livingMembers(group.getAsLong()).isEmpty()
        || seen.stream().anyMatch(ProcTable::living);
  }

  private boolean waitUntilGone(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (anyAlive()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(POLL);
      rememberDescendants();
    }
    return true;
  }

  // Descendants are remembered while their parents live: once a parent exits, its children are
  // reparented to init and leader.descendants() no longer shows them.
  private void rememberDescendants() {
    if (leader.isAlive()) {
      leader.descendants().forEach(seen::add);
    }
  }

  private void signal(String signal) {
    boolean kill = signal.equals("KILL");
    boolean groupSignalled = group.isPresent()
        && (ProcTable.livingMembers(group.getAsLong()).isEmpty()
            || signalGroup(group.getAsLong(), signal));
    List<ProcessHandle> targets = new ArrayList<>(seen);
    targets.add(leader.toHandle());
    for (ProcessHandle target : targets) {
      if (target.isAlive() && !(groupSignalled && inGroup(target))) {
        if (kill) {
          target.destroyForcibly();
        } else {
          target.destroy();
        }
      }
    }
  }

  // The shell is outside its group only for the moment before setsid(2) ran; a descendant only
  // if it made a group of its own.
  private boolean inGroup(ProcessHandle process) {
    return group.isPresent()
        && ProcTable.stat(process.pid())
            .map(s -> s.pgrp() == group.getAsLong() && s.session() == group.getAsLong())
            .orElse(false);
  }

  private boolean signalGroup(long pgid, String signal) {
    return signalGroup(shell, pgid, signal);
  }

  /** Sends {@code signal} to process group {@code pgid} through the shell's {@code kill}. */
  static boolean signalGroup(Path shell, long pgid, String signal) {
    try {
      Process kill = new ProcessBuilder(
              shell.toString(), "-c", "kill -s \"$1\" -- \"-$2\"", "wrkr-kill", signal,
              Long.toString(pgid))
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (kill.waitFor(10, TimeUnit.SECONDS)) {
        return kill.exitValue() == 0;
      }
      kill.destroyForcibly();
      return false;
    } catch (IOException e) {
      // Could not fork kill: the group's members we know of are signalled one by one instead.
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
