package dev.wrkr.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each registered command does, in one line: printed by {@code --explain}, which runs
 * nothing. Only commands that exist are listed; an unknown command is an input error.
 */
final class Intents {
  private static final Map<String, String> INTENTS = new LinkedHashMap<>();

  static {
    INTENTS.put("version", "print the wrkr version, commit and build date");
    INTENTS.put("help", "print the command map or the usage of one command");
    INTENTS.put("status", "read a job's status, lease and environment from the durable store");
    INTENTS.put("checkpoint", "list, show or emit a job's structured checkpoints");
    INTENTS.put("approve", "record an approval, with who and why, for a decision-needed checkpoint");
    INTENTS.put("demo", "run an offline demo job through a decision and approval to completion, and emit a verifiable jobpack");
    INTENTS.put("init", "write a commented JobSpec template to start from");
    INTENTS.put("submit", "record a job from a JobSpec and run it until it completes or blocks");
    INTENTS.put("wrap", "run a command as a job, streaming its output, and emit a verifiable jobpack");
    INTENTS.put("resume", "continue a job from its durable cursor under a lease");
    INTENTS.put("pause", "pause a job at its next step boundary");
    INTENTS.put("cancel", "cancel a job and terminate its running step");
    INTENTS.put("jobs", "list jobs with status, age and last checkpoint");
    INTENTS.put("budget", "check a job's usage against its budgets");
    INTENTS.put("export", "write a job's deterministic jobpack from the store, optionally signed");
    INTENTS.put("verify", "verify a jobpack offline: manifest, file digests, schemas and signature");
    INTENTS.put("receipt", "print or parse a jobpack's ticket footer");
    INTENTS.put("job", "inspect a job's timeline or diff two jobpacks");
    INTENTS.put("accept", "check a job's artifacts, paths, tests and lint against accept.yaml; record the result for its jobpack");
    INTENTS.put("report", "summarize a jobpack as GitHub step-summary markdown and JSON, from the jobpack alone");
    INTENTS.put("bridge", "turn a blocked or decision-needed checkpoint into a deterministic work-item payload and ticket text");
    INTENTS.put("keys", "generate an ed25519 key pair for signing jobpacks");
    INTENTS.put("store", "prune finished jobs, jobpacks and reports by age or count; --dry-run changes nothing");
    INTENTS.put("doctor", "check the store, schemas, signing key, leases and settings without changing anything");
  }

  private Intents() {}

  static Optional<String> of(String command) {
    return Optional.ofNullable(INTENTS.get(command));
  }

  static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(INTENTS);
  }
}
