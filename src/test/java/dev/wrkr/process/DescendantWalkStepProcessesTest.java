package dev.wrkr.process;

/** {@link StepProcessesContract} without {@code setsid}: the fallback that walks descendants. */
class DescendantWalkStepProcessesTest extends StepProcessesContract {
  @Override
  OsStepProcesses processes() {
    return new OsStepProcesses(config(new ProcessGroupMode.DescendantWalk()));
  }
}
