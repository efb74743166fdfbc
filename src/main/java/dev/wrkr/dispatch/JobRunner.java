package dev.wrkr.dispatch;

import dev.wrkr.artifact.ArtifactFiles;
import dev.wrkr.budget.BudgetCheck;
import dev.wrkr.budget.Usage;
import dev.wrkr.budget.Violation;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.process.BaseEnvironment;
import dev.wrkr.process.StepCommand;
import dev.wrkr.process.StepOutcome;
import dev.wrkr.process.StepProcesses;
import dev.wrkr.process.StepRun;
import dev.wrkr.spec.JobSpec;
import dev.wrkr.spec.NoopAdapter;
import dev.wrkr.spec.ReferenceAdapter;
import dev.wrkr.spec.Step;
import dev.wrkr.store.Durability;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a leased job's adapter from its durable cursor: per {@link #tickOnce}, one step, or a run
 * of steps each started in its predecessor's outcome commit.
 *
 * <p>Crash windows: a step's process starts held, its {@code step_started} and {@code
 * step_process} (pid, host) events commit, and only then does its command run (see {@link
 * #recordStart}); it is recorded done only when its outcome batch commits; a crash in between
 * leaves the cursor on the step, so it runs again on resume; a crash after the commit never runs
 * it again (the fold moves the cursor). While a step runs, the next one is started held ({@link
 * StepAhead}); when the boundary checks on the state with the step's outcome let the next step
 * run, its start commits in the same durable transaction as that outcome, and it is released
 * after it ({@link #recordDoneAndNextStart}); otherwise the outcome commits alone and the held
 * step is discarded. Budgets are checked before a step (it must not push step count or tool
 * calls over) and after it. Pause and cancel arrive through the ledger: the next append sees the
 * new status.
 */
final class JobRunner {
  /** Result of one tick. */
  sealed interface Tick {
    record Continue() implements Tick {}

    record Stopped(JobState state) implements Tick {}
  }

  private final JobId job;
  private final JobSpec spec;
  private final JobHistory history;
  private final StepProcesses processes;
  private final InstantSource clock;
  private final RunnerConfig config;
  private final LeaseKeeper keeper;
  private final StepUsageFile usageFile = new StepUsageFile();
  /** The state after this runner's last append; appends go on from it without reloading. */
  private JobState current;
  private final StepAhead ahead;

  JobRunner(JobId job, JobSpec spec, JobHistory history, StepProcesses processes, InstantSource clock,
      RunnerConfig config, LeaseKeeper keeper) {
    this.job = job;
    this.spec = spec;
    this.history = history;
    this.processes = processes;
    this.clock = clock;
    this.config = config;
    this.keeper = keeper;
    this.ahead = new StepAhead(processes);
  }

  /** Ticks until the job stops running; throws the stop's reason when it is a failure. */
  JobState runToStop() {
    try {
      while (true) {
        if (tickOnce() instanceof Tick.Stopped stopped) {
          return stopped.state();
        }
      }
    } finally {
      ahead.discard();
    }
  }

  /**
   * Does the next thing the job needs: one step (and the steps chained after it), a budget stop,
   * or completion. A step started
   * ahead is run only when this tick, having checked the lease, the status and the budgets, runs
   * that step; otherwise it is discarded before the tick returns or throws.
   */
  Tick tickOnce() {
    try {
      Tick tick = decideAndRun();
      if (tick instanceof Tick.Stopped) {
        ahead.discard();
      }
      return tick;
    } catch (RuntimeException e) {
      ahead.discard();
      throw e;
    }
  }

  private Tick decideAndRun() {
    checkLease();
    JobState s = current != null ? current : load();
    if (s.status() != JobStatus.RUNNING) {
      return new Tick.Stopped(s);
    }
    List<Step> steps = steps();
    if (s.nextStepIndex() >= steps.size()) {
      String summary = spec.adapter() instanceof NoopAdapter ? "noop adapter completed" : "reference adapter completed";
      return new Tick.Stopped(recordIfRunning(StepBatches.completed(s, summary, clock.instant())).orElse(current));
    }
    Step step = steps.get((int) s.nextStepIndex());
    long index = s.nextStepIndex();
    boolean runsCommand = runsCommand(step);
    if (!runsCommand || ahead.holdsOtherThan(index)) {
      ahead.discard();
    }
    stopIfOverBudget(s, BudgetCheck.wouldExceed(s.budgets(), s.usage(clock.instant()), Usage.step(runsCommand ? 1 : 0)));
    if (step.decisionNeeded()) {
      return new Tick.Stopped(recordIfRunning(withDigests(step, StepBatches.decisionNeeded(s, step, index, clock.instant()))).orElse(current));
    }
    if (!runsCommand) {
      Optional<JobState> recorded = recordIfRunning(withDigests(step, StepBatches.succeeded(s, step, index, 0, 0,
          Optional.empty(), StepBatches.StepUsage.NONE, clock.instant())));
      if (recorded.isEmpty()) {
        return new Tick.Stopped(current);
      }
      stopIfOverBudgetAfter(recorded.get());
      return new Tick.Continue();
    }
    return runStep(step, index);
  }

  /**
   * Puts the content digests of the step's declared artifacts, taken now from the workspace, in
   * front of the batch that records the step, so both commit together.
   */
  private List<JobEvent> withDigests(Step step, List<JobEvent> batch) {
    if (step.artifacts().isEmpty()) {
      return batch;
    }
    List<JobEvent.ArtifactRecord> records = step.artifacts().stream()
        .map(p -> ArtifactFiles.digest(spec.workspace(), p))
        .map(d -> new JobEvent.ArtifactRecord(d.path(), d.status().wire(), d.sha256(), d.size()))
        .toList();
    List<JobEvent> all = new java.util.ArrayList<>(batch.size() + 1);
    all.add(new JobEvent.ArtifactsRecorded("step:" + step.id(), records));
    all.addAll(batch);
    return all;
  }

  private static boolean runsCommand(Step step) {
    return step.executed() && step.command().isPresent() && !step.decisionNeeded();
  }

  /**
   * Runs step {@code first} and, while each step's outcome commits together with the next step's
   * start ({@link #recordDoneAndNextStart}), the steps after it; returns at the first boundary
   * that the next tick has to decide.
   */
  private Tick runStep(Step first, long firstIndex) {
    Step step = first;
    long index = firstIndex;
    int attempt = 1;
    /** The step's run when its start is recorded and it is released already (chained). */
    StepRun chained = null;
    while (true) {
      Path usagePath = usagePath(index, attempt);
      StepRun started;
      if (chained != null) {
        started = chained;
        chained = null;
      } else {
        Step s = step;
        long i = index;
        int tried = attempt;
        started = (attempt == 1 ? ahead.claim(index) : Optional.<StepRun>empty())
            .orElseGet(() -> processes.startHeld(command(s, i, tried, usagePath)));
        if (!recordStart(started, step, index, attempt)) {
          return new Tick.Stopped(current);
        }
      }
      startAhead(index + 1);
      StepOutcome outcome = await(started);
      if (!(outcome instanceof StepOutcome.Exited e && e.succeeded())) {
        ahead.discard();
      }
      StepBatches.StepUsage usage = StepBatches.StepUsage.NONE;
      Optional<String> usageProblem = Optional.empty();
      try {
        usage = usageFile.read(usagePath);
      } catch (WrkrException e) {
        usageProblem = Optional.of(e.getMessage());
      }
      JobState now = current;
      if (usageProblem.isPresent() && outcome instanceof StepOutcome.Exited e && e.succeeded()) {
        record(StepBatches.failed(now, step, index, attempt, "failed", Optional.of(0), Optional.of(e.logs()),
            usage, usageProblem.get(), clock.instant()));
        throw new WrkrException(ReasonCode.E_ADAPTER_FAIL, usageProblem.get(),
            Map.of("job_id", job.value(), "step_id", step.id()));
      }
      switch (outcome) {
        case StepOutcome.Exited e when e.succeeded() -> {
          List<JobEvent> done = withDigests(step, StepBatches.succeeded(now, step, index, attempt, 0,
              Optional.of(e.logs()), usage, clock.instant()));
          Optional<StepRun> next = recordDoneAndNextStart(done, index + 1);
          if (next.isEmpty()) {
            return new Tick.Continue();
          }
          chained = next.get();
          index++;
          step = steps().get((int) index);
          attempt = 1;
          continue;
        }
        case StepOutcome.Canceled c -> {
          return new Tick.Stopped(record(StepBatches.canceled(step, index, attempt, Optional.of(c.logs()))));
        }
        default -> {}
      }
      String why = StepOutcomes.reason(outcome);
      if (attempt <= step.retries()) {
        stopIfOverBudget(now, BudgetCheck.wouldExceed(now.budgets(), now.usage(clock.instant()), Usage.retry()));
        long backoff = step.retryBackoff().toMillis() << Math.min(attempt - 1, 20);
        record(StepBatches.retried(now, step, index, attempt, why, backoff, usage));
        sleep(Duration.ofMillis(backoff));
        checkLease();
        attempt++;
        continue;
      }
      record(withDigests(step, StepBatches.failed(now, step, index, attempt, StepOutcomes.name(outcome),
          StepOutcomes.exitCode(outcome), StepOutcomes.logs(outcome), usage, why, clock.instant())));
      throw new WrkrException(ReasonCode.E_ADAPTER_FAIL, "reference adapter step failed",
          details(step, outcome));
    }
  }

  /**
   * Records that the step started, with its pid (its process group) and host, in one commit, and
   * only then releases the held process: a step whose pid is not durable has run nothing, so a
   * worker that takes the job over after a crash always finds the process group to stop before
   * it runs the step again ({@code LeasedExecution.stopLeftovers}, DispatchProcessIT). False
   * (and the held process dropped unrun) when the job stopped running meanwhile.
   *
   * <p>The commit need only survive a crash of this process ({@link Durability#PROCESS_CRASH}):
   * the pid is for stopping the step's group on this machine, which a crash of the machine
   * stops anyway, and the step is recorded done only by its outcome commit, which is fully
   * durable and syncs this one with it (docs/lifecycle.md, "Crash windows").
   */
  private boolean recordStart(StepRun started, Step step, long index, int attempt) {
    Optional<JobState> recorded;
    try {
      recorded = recordIfRunning(startEvents(started, step, index, attempt), Durability.PROCESS_CRASH);
    } catch (RuntimeException e) {
      drop(started);
      throw e;
    }
    if (recorded.isEmpty()) {
      drop(started);
      return false;
    }
    started.release();
    return true;
  }

  /**
   * Records a step done ({@code done}, its outcome batch) and, in the same durable commit, the
   * start of step {@code next} held ahead, then releases that step; returns its run. That is
   * done only when the boundary after the step would run step {@code next} anyway, judged on the
   * state <em>with</em> the outcome: the lease is held and no cancel was asked, the job is
   * running, no budget is exceeded after the step, and step {@code next} runs a command and
   * would not push a budget over. Otherwise the outcome commits alone, exactly as when no step
   * is ahead, and the next tick decides (and discards the held step); empty then. When another
   * writer got there first (a pause, a cancel), the held step is dropped unrun and the outcome
   * recorded alone (docs/lifecycle.md, "Crash windows").
   */
  private Optional<StepRun> recordDoneAndNextStart(List<JobEvent> done, long next) {
    JobState after = current;
    for (JobEvent e : done) {
      after = after.apply(after.lastAppliedSeq() + 1, e);
    }
    Optional<StepRun> held = nextStepMayRun(after, next) ? ahead.claim(next) : Optional.empty();
    if (held.isEmpty()) {
      stopIfOverBudgetAfter(record(done));
      return Optional.empty();
    }
    StepRun run = held.get();
    List<JobEvent> events = new java.util.ArrayList<>(done);
    events.addAll(startEvents(run, steps().get((int) next), next, 1));
    Optional<JobState> recorded;
    try {
      recorded = history.append(current, events);
    } catch (RuntimeException e) {
      drop(run);
      throw e;
    }
    if (recorded.isEmpty()) {
      drop(run);
      stopIfOverBudgetAfter(record(done));
      return Optional.empty();
    }
    current = recorded.get();
    run.release();
    return Optional.of(run);
  }

  /** A step's {@code step_started} and, when its process group is known, {@code step_process}. */
  private List<JobEvent> startEvents(StepRun run, Step step, long index, int attempt) {
    JobEvent begun = new JobEvent.StepStarted(step.id(), index, attempt, config.worker());
    return run.pid() > 0
        ? List.of(begun, new JobEvent.StepProcess(step.id(), index, attempt, run.pid(), config.host()))
        : List.of(begun);
  }

  /** Stops the job when {@code s}, a step's outcome just recorded, exceeds a budget. */
  private void stopIfOverBudgetAfter(JobState s) {
    stopIfOverBudget(s, BudgetCheck.check(s.budgets(), s.usage(clock.instant())));
  }

  /** The checks of the boundary after a step ({@link #decideAndRun}), on the state after it. */
  private boolean nextStepMayRun(JobState after, long next) {
    if (keeper.lost() || keeper.cancelRequested() || after.status() != JobStatus.RUNNING) {
      return false;
    }
    List<Step> steps = steps();
    if (next >= steps.size() || !runsCommand(steps.get((int) next))) {
      return false;
    }
    Usage used = after.usage(clock.instant());
    return BudgetCheck.check(after.budgets(), used).isEmpty()
        && BudgetCheck.wouldExceed(after.budgets(), used, Usage.step(1)).isEmpty();
  }

  /**
   * Starts steps from {@code index} on held while the step before them runs, as many as {@link
   * StepAhead} holds, up to the first that runs no command.
   */
  private void startAhead(long index) {
    List<Step> steps = steps();
    for (long i = index; i < steps.size() && runsCommand(steps.get((int) i)); i++) {
      if (ahead.holds(i)) {
        continue;
      }
      if (!ahead.wants(i)) {
        return;
      }
      ahead.start(i, command(steps.get((int) i), i, 1, usagePath(i, 1)));
    }
  }

  private Path usagePath(long index, int attempt) {
    return logDir().resolve(logName(index, attempt) + ".usage.json");
  }

  /** Lets a held step exit without running its command, and waits for it. */
  private void drop(StepRun held) {
    held.cancel(Duration.ZERO);
    held.await();
  }

  private StepOutcome await(StepRun run) {
    while (true) {
      Optional<StepOutcome> done;
      try {
        done = run.await(config.pollEvery());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        run.cancel(config.cancelGrace());
        throw new WrkrException(ReasonCode.E_GENERIC_FAILURE, "interrupted while a step ran", Map.of());
      }
      if (done.isPresent()) {
        return done.get();
      }
      if (keeper.cancelRequested() || keeper.lost()) {
        run.cancel(config.cancelGrace());
        StepOutcome out = run.await();
        checkLease();
        return out;
      }
    }
  }

  private StepCommand command(Step step, long index, int attempt, Path usagePath) {
    Map<String, String> env = new HashMap<>(step.env());
    env.put("WRKR_JOB_ID", job.value());
    env.put("WRKR_STEP_ID", step.id());
    env.put("WRKR_STEP_ATTEMPT", Integer.toString(attempt));
    env.put("WRKR_STEP_USAGE_FILE", usagePath.toString());
    return new StepCommand(step.command().orElseThrow(), spec.workspace(), env, BaseEnvironment.INHERIT,
        step.timeout(), logDir(), logName(index, attempt), config.maxLogBytes(), config.keepRotated());
  }

  private Path logDir() {
    return config.logRoot().resolve(job.value());
  }

  private static String logName(long index, int attempt) {
    return "step-" + index + "-a" + attempt;
  }

  private List<Step> steps() {
    return switch (spec.adapter()) {
      case ReferenceAdapter r -> r.steps();
      case NoopAdapter n -> List.of();
    };
  }

  /**
   * Appends a decided batch after the state of this runner's last append. When another writer got
   * there first (a pause or cancel), reloads; the batch is still recorded (the step did happen) but
   * without its status changes, and the runner stops after it.
   */
  private JobState record(List<JobEvent> events) {
    if (current != null) {
      Optional<JobState> next = history.append(current, events);
      if (next.isPresent()) {
        current = next.get();
        return current;
      }
    }
    current = history.update(job, latest -> latest.status() == JobStatus.RUNNING
        ? events
        : events.stream().filter(e -> !(e instanceof JobEvent.StatusChanged)).toList());
    return current;
  }

  /** Appends {@code events} only while the job is running; empty (nothing written) otherwise. */
  private Optional<JobState> recordIfRunning(List<JobEvent> events) {
    return recordIfRunning(events, Durability.MACHINE_CRASH);
  }

  /**
   * {@link #recordIfRunning(List)} with a commit that must survive only {@code durability}; after
   * another writer got there first, the reloaded append is fully durable (a rare path).
   */
  private Optional<JobState> recordIfRunning(List<JobEvent> events, Durability durability) {
    if (current != null) {
      Optional<JobState> next = history.append(current, events, durability);
      if (next.isPresent()) {
        current = next.get();
        return next;
      }
    }
    current = history.update(job, latest -> latest.status() == JobStatus.RUNNING ? events : List.of());
    return current.status() == JobStatus.RUNNING ? Optional.of(current) : Optional.empty();
  }

  private JobState load() {
    current = history.load(job).orElseThrow(() -> StatusService.jobNotFound(job));
    return current;
  }

  private void stopIfOverBudget(JobState s, List<Violation> violations) {
    if (violations.isEmpty() || s.status() != JobStatus.RUNNING) {
      return;
    }
    record(StepBatches.budgetExceeded(s, violations, clock.instant()));
    throw new WrkrException(ReasonCode.E_BUDGET_EXCEEDED, "job stopped because budget limits were exceeded",
        Map.of("job_id", job.value(), "violations", violations.stream().map(Violation::text).toList()));
  }

  private void checkLease() {
    if (keeper.lost()) {
      throw new WrkrException(ReasonCode.E_LEASE_CONFLICT, "job lease was taken over by another worker; stopped",
          Map.of("job_id", job.value(), "worker_id", config.worker()));
    }
  }

  private Map<String, Object> details(Step step, StepOutcome outcome) {
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("job_id", job.value());
    d.put("step_id", step.id());
    StepOutcomes.exitCode(outcome).ifPresent(code -> d.put("exit_code", code));
    d.put("reason", outcome.describe());
    return d;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WrkrException(ReasonCode.E_GENERIC_FAILURE, "interrupted", Map.of());
    }
  }
}
