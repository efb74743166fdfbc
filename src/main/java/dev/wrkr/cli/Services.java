package dev.wrkr.cli;

import dev.wrkr.dispatch.AcceptService;
import dev.wrkr.dispatch.CheckpointService;
import dev.wrkr.dispatch.Dispatch;
import dev.wrkr.dispatch.JobsService;
import dev.wrkr.dispatch.StatusService;
import dev.wrkr.doctor.Doctor;
import dev.wrkr.jobpack.Jobpacks;
import dev.wrkr.retention.Pruner;

/**
 * The application services a command may call, opened on first use (so {@code version} and
 * {@code --explain} never touch the store). The composition root in {@code dev.wrkr.app}
 * provides the implementation; commands never see a store adapter.
 */
public interface Services extends AutoCloseable {
  StatusService status();

  CheckpointService checkpoints();

  Dispatch dispatch();

  /** Acceptance checks, whose commands run as this process's children. */
  AcceptService accept();

  Jobpacks jobpacks();

  /** The doctor, which looks at the store read-only and never opens it for writing. */
  Doctor doctor();

  /** Listings only: unlike {@link #dispatch()}, it probes no process group support and no host. */
  JobsService jobs();

  /** Retention: removes old finished jobs and old jobpacks and reports; opens the store only for jobs. */
  Pruner pruner();

  @Override
  void close();
}
