package dev.wrkr.dispatch;

import dev.wrkr.budget.BudgetCheck;
import dev.wrkr.budget.BudgetRaise;
import dev.wrkr.budget.Budgets;
import dev.wrkr.budget.Violation;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * {@code budget check}: the job's usage against its budgets (as submitted and raised), with any
 * limits given on the command line laid over them. Exceeded is {@code E_BUDGET_EXCEEDED}.
 */
public final class BudgetService {
  private final JobHistory history;
  private final InstantSource clock;

  BudgetService(JobHistory history, InstantSource clock) {
    this.history = history;
    this.clock = clock;
  }

  /** Throws {@code E_BUDGET_EXCEEDED} with the violations; returns normally when within limits. */
  public void check(JobId job, List<String> overrides) {
    JobState s = history.load(job).orElseThrow(() -> StatusService.jobNotFound(job));
    Budgets limits = BudgetRaise.apply(s.budgets(), BudgetRaise.parseAll(overrides));
    List<Violation> violations = BudgetCheck.check(limits, s.usage(clock.instant()));
    if (!violations.isEmpty()) {
      throw new WrkrException(ReasonCode.E_BUDGET_EXCEEDED, "job budget exceeded",
          Map.of("job_id", job.value(), "violations", violations.stream().map(Violation::text).toList()));
    }
  }
}
