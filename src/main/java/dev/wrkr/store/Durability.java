package dev.wrkr.store;

/**
 * What an append's commit must survive once it returned.
 *
 * <p>Whatever a store does with {@link #PROCESS_CRASH}, commits stay ordered: a commit that a
 * crash keeps implies every commit before it was kept, so a later {@link #MACHINE_CRASH} commit
 * makes the earlier ones durable too (docs/lifecycle.md, "Crash windows").
 */
public enum Durability {
  /** A crash of this process, of the machine or of the database server. The default. */
  MACHINE_CRASH,
  /**
   * A crash of the writing process only. For a record that only matters while something on the
   * same machine as the store lives, and that a crash of that machine makes moot: the embedded
   * store may then skip the flush to disk. A store that does not share the writer's machine
   * treats it as {@link #MACHINE_CRASH}.
   */
  PROCESS_CRASH
}
