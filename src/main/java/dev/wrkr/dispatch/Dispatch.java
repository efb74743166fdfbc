package dev.wrkr.dispatch;

import java.time.InstantSource;

/** The dispatch services on one set of ports: submit, resume, pause/cancel, listings, budgets. */
public final class Dispatch {
  private final JobHistory history;
  private final DispatchPorts ports;
  private final InstantSource clock;
  private final LeasedExecution execution;

  public Dispatch(DispatchPorts ports, InstantSource clock, RunnerConfig config) {
    this.ports = ports;
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

  public BudgetService budgets() {
    return new BudgetService(history, clock);
  }
}
