package dev.wrkr.dispatch;

import dev.wrkr.envfp.EnvironmentProbe;
import dev.wrkr.process.StepProcesses;
import dev.wrkr.store.JobStore;
import java.util.Objects;

/** The outside world the dispatch services reach: the store, step processes and the environment. */
public record DispatchPorts(JobStore store, StepProcesses processes, EnvironmentProbe probe) {
  public DispatchPorts {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(processes, "processes");
    Objects.requireNonNull(probe, "probe");
  }
}
