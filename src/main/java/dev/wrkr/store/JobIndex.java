package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.util.List;
import java.util.Optional;

/** The jobs the store knows, with their cached snapshots. */
public interface JobIndex {
  /** The job's row, or empty when the ledger has no event for it. */
  Optional<JobRow> find(JobId job);

  /**
   * Jobs ordered by id, optionally only those whose latest snapshot has {@code status}; at most
   * {@code limit} rows.
   */
  List<JobRow> list(Optional<String> status, int limit);

  /**
   * Jobs ordered by id with what their snapshots say, at most {@code limit}; reads no snapshot
   * JSON, so listing thousands of jobs stays cheap.
   */
  List<JobListing> listings(int limit);

  /** Drops every cached snapshot; the next read rebuilds state from the ledger. */
  void dropSnapshots();
}
