package dev.wrkr.jobpack;

import dev.wrkr.artifact.ArtifactFiles;
import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Sha256;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobId;
import dev.wrkr.store.Ledger;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code wrkr export}: writes a job's jobpack from its ledger alone, so the same ledger gives the
 * same bytes whatever the clock, zone or locale (every time in it comes from the ledger). Memory
 * stays bounded: events stream page by page and raw artifacts stream from disk. The zip is
 * written to a temporary file beside the target and moved into place, so a reader never sees half
 * a jobpack.
 */
public final class JobpackExporter {
  private static final byte[] NEWLINE = {'\n'};
  private final Ledger ledger;
  private final String producerVersion;

  public JobpackExporter(Ledger ledger, String producerVersion) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.producerVersion = Objects.requireNonNull(producerVersion, "producerVersion");
  }

  /**
   * How artifacts are captured. Without {@code captureRaw} only digests travel; with it, each
   * present artifact's file is copied (redacted) under {@code artifacts/} up to the size caps.
   */
  public record Options(boolean captureRaw, long maxRawFileBytes, long maxRawTotalBytes) {
    public static final long DEFAULT_MAX_RAW_FILE_BYTES = 256L * 1024 * 1024;
    public static final long DEFAULT_MAX_RAW_TOTAL_BYTES = 2L * 1024 * 1024 * 1024;

    public static Options referenceOnly() {
      return new Options(false, DEFAULT_MAX_RAW_FILE_BYTES, DEFAULT_MAX_RAW_TOTAL_BYTES);
    }

    public static Options raw() {
      return new Options(true, DEFAULT_MAX_RAW_FILE_BYTES, DEFAULT_MAX_RAW_TOTAL_BYTES);
    }
  }

  /** What an export wrote. */
  public record Exported(String jobId, Path path, String manifestSha256, int files, boolean captureRaw,
      List<String> missingArtifacts) {
    public String footer() {
      return Footer.format(jobId, manifestSha256);
    }
  }

  /** The path {@code export} writes for {@code job} under {@code outDir}. */
  public static Path pathFor(Path outDir, String job) {
    return outDir.resolve("jobpacks").resolve("jobpack_" + job + ".zip");
  }

  /**
   * Writes the jobpack. Two threads share the work: this one writes the entries that sort before
   * {@code events.jsonl} — the acceptance result, approvals and raw artifacts, from the few events
   * {@link JobFacts.Lead} reads — while an events pass on a second thread folds the whole ledger and renders
   * {@code events.jsonl} into a spool file beside the target. Both stop at the sequence number
   * read first, so the jobpack describes one ledger prefix even when the job moves on meanwhile.
   */
  public Exported export(JobId job, Path outDir, Options options) {
    long lastSeq = ledger.lastSeq(job);
    if (lastSeq == 0) {
      throw notFound(job);
    }
    Path target = pathFor(outDir, job.value());
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".jobpack_" + job.value() + "-", ".tmp");
      Path spool = Files.createTempFile(target.getParent(), ".jobpack_" + job.value() + "-events-", ".tmp");
      Background<EventsPassResult> events = null;
      try {
        events = eventsPass(ledger, job, producerVersion, lastSeq, spool);
        JobFacts.Lead lead = JobFacts.Lead.read(ledger, job, lastSeq);
        String manifestSha;
        int files;
        JobFacts facts;
        try (GoZipWriter zip = new GoZipWriter(DirectFileOutput.open(tmp))) {
          Writer w = new Writer(zip);
          if (lead.acceptResult().isPresent()) {
            w.put(JobpackEntries.ACCEPT_RESULT, Canonical.canonicalize(lead.acceptResult().get()));
          }
          if (!lead.approvals().isEmpty()) {
            w.put(JobpackEntries.APPROVALS, JobpackEntries.approvals(lead.approvals()));
          }
          List<ArtifactCapture> captures = options.captureRaw() ? captureRaw(w, lead, options) : List.of();
          EventsPassResult pass = events.result();
          facts = pass.facts().orElseThrow(() -> notFound(job));
          if (!lead.agrees(facts)) {
            throw new IllegalStateException("jobpack export of " + job + ": the lead events and the full pass disagree");
          }
          JobpackEntries entries = new JobpackEntries(facts, producerVersion);
          w.put(JobpackEntries.ARTIFACTS_INDEX, entries.artifactsIndex(options.captureRaw(), captures));
          w.put(JobpackEntries.ARTIFACTS_MANIFEST, entries.artifactsManifest(options.captureRaw(), captures));
          w.put(JobpackEntries.CHECKPOINTS, pass.checkpointLines());
          try (OutputStream o = w.rawStream(JobpackEntries.EVENTS)) {
            Files.copy(spool, o);
          }
          w.recordDigest(JobpackEntries.EVENTS, pass.sha256());
          w.put(JobpackEntries.JOB, entries.job());
          w.put(JobpackEntries.JOB_METADATA, entries.metadata(options.captureRaw()));
          if (facts.submission().isPresent()) {
            w.put(JobpackEntries.JOBSPEC, Canonical.canonicalize(facts.submission().get().jobspec()));
          }
          ObjectNode manifest = Manifests.build(job.value(), facts.lastEventAt(), producerVersion, w.digests);
          manifestSha = manifest.get("manifest_sha256").asString();
          zip.entry(JobpackEntries.MANIFEST, Canonical.canonicalize(manifest));
          files = w.digests.size();
        }
        move(tmp, target);
        List<String> missing = facts.artifacts().values().stream()
            .filter(a -> !a.present()).map(JobFacts.RecordedArtifact::path).toList();
        return new Exported(job.value(), target, manifestSha, files, options.captureRaw(), missing);
      } finally {
        if (events != null) {
          events.stop();
        }
        Files.deleteIfExists(spool);
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new WrkrException(ReasonCode.E_GENERIC_FAILURE, "cannot write jobpack " + target + ": " + e.getMessage(),
          Map.of("job_id", job.value(), "path", target.toString()), e);
    }
  }

  private static WrkrException notFound(JobId job) {
    return new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "job not found", Map.of("job_id", job.value()));
  }

  /** What the events pass produced. */
  private record EventsPassResult(Optional<JobFacts> facts, String sha256, byte[] checkpointLines) {}

  /**
   * The ledger pass, run on its own thread: folds every event into {@link JobFacts} and writes its
   * {@code events.jsonl} line to the spool file, hashing as it goes; then renders {@code
   * checkpoints.jsonl}.
   */
  private static Background<EventsPassResult> eventsPass(Ledger ledger, JobId job, String producerVersion,
      long lastSeq, Path spool) {
    return Background.start("wrkr-jobpack-events", stopped -> {
      Sha256 sha = Sha256.create();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
        Optional<JobFacts> facts = JobFacts.read(ledger, job, producerVersion, lastSeq, e -> {
          if (stopped.getAsBoolean()) {
            throw new InterruptedIOException("jobpack export stopped");
          }
          byte[] line = JobpackEntries.eventLine(e, producerVersion);
          out.write(line);
          out.write('\n');
          sha.update(line).update(NEWLINE);
        });
        // Rendered here too: the caller's thread is busy with raw artifacts meanwhile.
        byte[] checkpoints = JobpackEntries.checkpoints(facts.map(JobFacts::checkpoints).orElse(List.of()));
        return new EventsPassResult(facts, sha.hex(), checkpoints);
      }
    });
  }

  /** A raw copy of one artifact, or why there is none. */
  record ArtifactCapture(String path, Optional<RawCapture.Copied> copied, String note) {}

  private static List<ArtifactCapture> captureRaw(Writer w, JobFacts.Lead lead, Options options) throws IOException {
    ExecutorService hasher = RawCapture.hasher();
    try {
      return captureRaw(w, lead, options, hasher);
    } finally {
      hasher.shutdownNow();
    }
  }

  private static List<ArtifactCapture> captureRaw(Writer w, JobFacts.Lead lead, Options options,
      ExecutorService hasher) throws IOException {
    Optional<Path> workspace = lead.submission().map(s -> Path.of(s.workspace()));
    List<ArtifactCapture> out = new ArrayList<>();
    TreeMap<String, JobFacts.RecordedArtifact> byEntry = new TreeMap<>(Names.ORDER);
    for (JobFacts.RecordedArtifact a : lead.recorded().values()) {
      if (a.present() && ArtifactFiles.isSafeRelative(a.path())) {
        byEntry.put(JobpackEntries.RAW_PREFIX + a.path(), a);
      } else {
        out.add(new ArtifactCapture(a.path(), Optional.empty(), "not_present"));
      }
    }
    long total = 0;
    for (Map.Entry<String, JobFacts.RecordedArtifact> e : byEntry.entrySet()) {
      String path = e.getValue().path();
      Optional<Path> file = workspace.flatMap(ws -> ArtifactFiles.resolve(ws, path)).filter(Files::isRegularFile);
      if (file.isEmpty()) {
        out.add(new ArtifactCapture(path, Optional.empty(), "gone_since_recorded"));
        continue;
      }
      long size = Files.size(file.get());
      if (size > options.maxRawFileBytes() || total + size > options.maxRawTotalBytes()) {
        out.add(new ArtifactCapture(path, Optional.empty(), "over_size_cap"));
        continue;
      }
      total += size;
      RawCapture.Copied copied;
      try (OutputStream o = w.rawStream(e.getKey())) {
        copied = RawCapture.copy(file.get(), o, hasher);
      }
      w.recordDigest(e.getKey(), copied.entrySha256());
      String recorded = e.getValue().record().flatMap(r -> r.sha256()).orElse("");
      out.add(new ArtifactCapture(path, Optional.of(copied),
          copied.fileSha256().equals(recorded) ? "captured" : "changed_since_recorded"));
    }
    out.sort((a, b) -> Names.ORDER.compare(a.path(), b.path()));
    return out;
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes entries in name order and keeps each one's sha256 for the manifest. */
  private static final class Writer {
    private final GoZipWriter zip;
    private final TreeMap<String, String> digests = new TreeMap<>(Names.ORDER);
    private String last = "";

    Writer(GoZipWriter zip) {
      this.zip = zip;
    }

    void put(String name, byte[] content) throws IOException {
      try (OutputStream o = stream(name)) {
        o.write(content);
      }
    }

    /** An entry whose digest the caller computes (raw artifacts hash while they copy). */
    OutputStream rawStream(String name) throws IOException {
      order(name);
      return zip.entry(name);
    }

    void recordDigest(String name, String sha256) {
      digests.put(name, sha256);
    }

    private void order(String name) {
      if (Names.ORDER.compare(last, name) >= 0 || Names.ORDER.compare(name, JobpackEntries.MANIFEST) >= 0) {
        throw new IllegalStateException("jobpack entries out of order: " + last + " then " + name);
      }
      last = name;
    }

    /** An entry hashed as it is written; its digest is kept when the stream is closed. */
    OutputStream stream(String name) throws IOException {
      order(name);
      Sha256 sha = Sha256.create();
      OutputStream entry = zip.entry(name);
      return new FilterOutputStream(entry) {
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
          sha.update(new byte[] {(byte) b});
          entry.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          sha.update(b, off, len);
          entry.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          if (!closed) {
            closed = true;
            entry.close();
            digests.put(name, sha.hex());
          }
        }
      };
    }
  }
}
