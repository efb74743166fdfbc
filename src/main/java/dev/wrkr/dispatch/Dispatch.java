package dev.wrkr.dispatch;

import java.time.InstantSource;

/** The dispatch services on one set of ports: submit, resume, pause/cancel, listings, budgets. */
public final class Dispatch {
  private final JobHistory history;
  private final DispatchPorts ports;
  private final InstantSource clock;
  private final LeasedExecution execution;
  private final RunnerConfig config;

  public Dispatch(DispatchPorts ports, InstantSource clock, RunnerConfig config) {
    this.ports = ports;
    this.config = config;
    this.clock = clock;
    this.history = new JobHistory(ports.store().ledger(), ports.store().index(), clock);
    this.execution = new LeasedExecution(history, ports.store().leases(), ports.processes(), clock, config);
  }

  public SubmitService submit() {
    return new SubmitService(history, execution, ports.probe(), clock);
  }

  public ResumeService resume() {
    return new ResumeService(history, execution, ports.probe(), clock);
  }

  public LifecycleService lifecycle() {
    return new LifecycleService(history, execution);
  }

  public JobsService jobs() {
    return new JobsService(history, ports.store().index(), clock);
  }

  /** True when the store has a job with this id. */
  public boolean exists(dev.wrkr.job.JobId job) {
    return history.exists(job);
  }

  /**
   * Where the runner writes one stream ({@code stdout} or {@code stderr}) of a step attempt's
   * command: {@code <logRoot>/<job_id>/step-<index>-a<attempt>.<stream>.log}, rotated to {@code
   * .1} … {@code .<keptRotatedLogs()>} (the naming of {@code JobRunner}; {@code WrapCommandTest}
   * fails if they part, as nothing would be streamed).
   */
  public java.nio.file.Path stepLog(dev.wrkr.job.JobId job, long stepIndex, int attempt, String stream) {
    return config.logRoot().resolve(job.value()).resolve("step-" + stepIndex + "-a" + attempt + "." + stream + ".log");
  }

  /** How many rotated parts of a step log the runner keeps. */
  public int keptRotatedLogs() {
    return config.keepRotated();
  }

  public BudgetService budgets() {
    return new BudgetService(history, clock);
  }
}
