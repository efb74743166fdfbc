package dev.wrkr.jobpack;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobId;
import dev.wrkr.schema.Schemas;
import dev.wrkr.store.Ledger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the jobpack commands need from the store: exporting a job and inspecting it in place.
 * Reading a jobpack file needs no store: see {@link JobpackVerifier}.
 */
public final class Jobpacks {
  private final Ledger ledger;
  private final String producerVersion;

  public Jobpacks(Ledger ledger, String producerVersion) {
    this.ledger = ledger;
    this.producerVersion = producerVersion;
  }

  public JobpackExporter.Exported export(JobId job, Path outDir, JobpackExporter.Options options) {
    return new JobpackExporter(ledger, producerVersion).export(job, outDir, options);
  }

  public Inspection inspect(JobId job) {
    return Inspection.ofStore(ledger, job, producerVersion)
        .orElseThrow(() -> new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "job not found",
            Map.of("job_id", job.value())));
  }

  /**
   * Wrkr's rule for a {@code <job_id|path>} argument: a path when a regular file exists there
   * (relative to {@code cwd}), else a job id whose jobpack is {@code <out>/jobpacks/jobpack_<id>.zip}.
   */
  public static Target target(String arg, Path cwd, Path outDir) {
    Path asPath = cwd.resolve(arg);
    if (Files.isRegularFile(asPath)) {
      return new Target(asPath, java.util.Optional.empty());
    }
    JobId job = JobId.of(arg);
    return new Target(JobpackExporter.pathFor(outDir, job.value()), java.util.Optional.of(job));
  }

  /** A resolved {@code <job_id|path>}: the jobpack path, and the job id when one was given. */
  public record Target(Path path, java.util.Optional<JobId> job) {
    /** The jobpack must exist to be read; a clear error when it does not. */
    public Path existing() {
      if (!Files.isRegularFile(path)) {
        throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA,
            "jobpack not found: " + path + (job.isPresent() ? " (run wrkr export " + job.get().value() + " first)" : ""),
            Map.of("path", path.toString()));
      }
      return path;
    }
  }

  /** A verifier on the bundled schemas. */
  public static JobpackVerifier verifier() {
    return new JobpackVerifier(Schemas.standard());
  }
}
