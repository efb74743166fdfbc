package dev.wrkr.report;

import dev.wrkr.codec.Json;
import dev.wrkr.codec.Timestamps;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.jobpack.JobpackVerifier;
import dev.wrkr.jobpack.archive.JobpackArchive;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Builds the {@link GitHubSummary} of a jobpack that {@link JobpackVerifier} has passed, from the
 * jobpack alone: {@code job.json}, {@code checkpoints.jsonl}, {@code accept/accept_result.json},
 * {@code artifacts_manifest.json} and the manifest. It never reads the store or the clock.
 */
public final class SummaryReader {
  private static final long MAX_JSON_BYTES = 64L * 1024 * 1024;

  private SummaryReader() {}

  /**
   * The summary of {@code zip}, already verified as {@code verified}.
   *
   * @param producerVersion the wrkr version writing the summary
   */
  public static GitHubSummary read(Path zip, JobpackVerifier.Verified verified, String producerVersion) {
    try (JobpackArchive archive = JobpackArchive.open(zip)) {
      JsonNode job = json(archive, "job.json").orElseThrow(() -> new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA,
          "jobpack has no job.json: nothing to summarize", Map.of("path", zip.toString())));
      List<JsonNode> checkpoints = lines(archive, "checkpoints.jsonl");
      Optional<JsonNode> accept = json(archive, "accept/accept_result.json");
      List<SummaryMarkdown.Failure> failures = new ArrayList<>();
      accept.map(a -> a.get("failures")).ifPresent(fs -> fs.forEach(f -> failures.add(new SummaryMarkdown.Failure(
          f.get("check").asString(), f.get("message").asString(),
          f.has("artifact") ? f.get("artifact").asString() : null))));
      long run = accept.map(a -> a.get("checks_run").asLong()).orElse(0L);
      long passed = accept.map(a -> a.get("checks_passed").asLong()).orElse(0L);
      GitHubSummary.ArtifactDelta delta = delta(checkpoints);
      String jobId = job.get("job_id").asString();
      String status = job.get("status").asString();
      String md = SummaryMarkdown.render(new SummaryMarkdown.Input(jobId, status, run, passed, failures,
          Checkpoints.latestSummary(checkpoints), delta, pointers(json(archive, "artifacts_manifest.json")),
          verified.missingArtifacts()));
      Instant createdAt = Timestamps.parse(verified.manifest().get("created_at").asString());
      return new GitHubSummary(createdAt, producerVersion, jobId, status,
          new GitHubSummary.Acceptance(run, passed, !failures.isEmpty()), delta, md);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GitHubSummary.ArtifactDelta delta(List<JsonNode> checkpoints) {
    TreeSet<String> added = new TreeSet<>();
    TreeSet<String> changed = new TreeSet<>();
    TreeSet<String> removed = new TreeSet<>();
    for (JsonNode cp : checkpoints) {
      JsonNode d = cp.get("artifacts_delta");
      collect(d.get("added"), added);
      collect(d.get("changed"), changed);
      collect(d.get("removed"), removed);
    }
    return new GitHubSummary.ArtifactDelta(added.size(), changed.size(), removed.size());
  }

  private static void collect(JsonNode paths, TreeSet<String> into) {
    if (paths == null) {
      return;
    }
    for (JsonNode p : paths) {
      if (!p.asString().isBlank()) {
        into.add(p.asString());
      }
    }
  }

  /** {@code artifacts_manifest.artifacts[].path}, trimmed, non-blank, in Go's byte order, first 5. */
  private static List<String> pointers(Optional<JsonNode> manifest) {
    List<String> out = new ArrayList<>();
    manifest.map(m -> m.get("artifacts")).ifPresent(as -> as.forEach(a -> {
      String p = a.get("path").asString().strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }));
    out.sort(Checkpoints.UTF8_ORDER);
    return List.copyOf(out.subList(0, Math.min(SummaryMarkdown.LIMIT, out.size())));
  }

  private static Optional<JsonNode> json(JobpackArchive archive, String name) {
    if (!archive.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(Json.parse(archive.readAll(name, MAX_JSON_BYTES)));
  }

  private static List<JsonNode> lines(JobpackArchive archive, String name) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!archive.contains(name)) {
      return out;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(archive.open(name), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          out.add(Json.parse(line));
        }
      }
    }
    return out;
  }
}
