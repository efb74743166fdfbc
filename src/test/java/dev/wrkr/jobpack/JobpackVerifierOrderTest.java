package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Digests;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.jobpack.archive.JobpackArchive;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify checks the JSONL entries on a second thread while it hashes, but must still report what
 * Wrkr's order finds first: hashes before any schema, then job.json, then events, then checkpoints.
 * Each jobpack here is the golden one with entries changed and its manifest made to match.
 */
class JobpackVerifierOrderTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/jobpack/jobpack_job_golden.zip");

  @TempDir Path dir;

  private Path rebuilt(Map<String, UnaryOperator<String>> changes, String wrongDigestOf) throws Exception {
    TreeMap<String, byte[]> entries = new TreeMap<>(Names.ORDER);
    try (JobpackArchive archive = JobpackArchive.open(GOLDEN)) {
      for (String name : archive.names()) {
        if (!name.equals(JobpackEntries.MANIFEST)) {
          byte[] b = archive.readAll(name, 1 << 24);
          UnaryOperator<String> change = changes.get(name);
          entries.put(name, change == null ? b : change.apply(new String(b, StandardCharsets.UTF_8))
              .getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    Map<String, String> digests = new TreeMap<>(Names.ORDER);
    entries.forEach((name, b) -> digests.put(name, name.equals(wrongDigestOf) ? "f".repeat(64) : Digests.sha256Hex(b)));
    Path zip = dir.resolve("changed-" + System.nanoTime() + ".zip");
    try (GoZipWriter w = new GoZipWriter(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        try (OutputStream o = w.entry(e.getKey())) {
          o.write(e.getValue());
        }
      }
      w.entry(JobpackEntries.MANIFEST, Canonical.canonicalize(
          Manifests.build("job_golden", Instant.parse("2026-02-14T03:45:19.500000123Z"), "0.9.0-golden", digests)));
    }
    return zip;
  }

  private static UnaryOperator<String> badLine(String field) {
    return text -> text.replaceFirst("\"" + field + "\":(true|false|\"[^\"]*\")", "\"" + field + "\":17");
  }

  private static WrkrException verifyFails(Path zip) {
    try {
      Jobpacks.verifier().verify(zip);
    } catch (WrkrException e) {
      return e;
    }
    throw new AssertionError("verify passed " + zip);
  }

  @Test
  void an_invalid_event_line_should_fail_with_its_line_number() throws Exception {
    WrkrException e = verifyFails(rebuilt(Map.of(JobpackEntries.EVENTS, badLine("executed")), null));
    assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(e.getMessage()).isEqualTo("event schema invalid");
    assertThat(e.details()).containsEntry("line", 1);
  }

  @Test
  void events_should_be_reported_before_checkpoints_and_job_before_events() throws Exception {
    WrkrException both = verifyFails(rebuilt(Map.of(JobpackEntries.EVENTS, badLine("executed"),
        JobpackEntries.CHECKPOINTS, badLine("summary")), null));
    assertThat(both.getMessage()).isEqualTo("event schema invalid");

    WrkrException checkpoints = verifyFails(rebuilt(Map.of(JobpackEntries.CHECKPOINTS, badLine("summary")), null));
    assertThat(checkpoints.getMessage()).isEqualTo("checkpoint schema invalid");

    WrkrException job = verifyFails(rebuilt(Map.of(JobpackEntries.EVENTS, badLine("executed"),
        JobpackEntries.JOB, badLine("status")), null));
    assertThat(job.getMessage()).isEqualTo("job schema invalid");
  }

  @Test
  void a_hash_mismatch_should_win_over_invalid_lines() throws Exception {
    Path zip = rebuilt(Map.of(JobpackEntries.EVENTS, badLine("executed"), JobpackEntries.CHECKPOINTS,
        badLine("summary")), JobpackEntries.JOB_METADATA);
    assertThatThrownBy(() -> Jobpacks.verifier().verify(zip))
        .isInstanceOfSatisfying(WrkrException.class, e -> {
          assertThat(e.code()).isEqualTo(ReasonCode.E_VERIFY_HASH_MISMATCH);
          assertThat(e.getMessage()).isEqualTo("file hash mismatch");
          assertThat(e.details()).containsEntry("path", JobpackEntries.JOB_METADATA);
        });
  }

  @Test
  void the_rebuilt_golden_jobpack_should_verify_when_nothing_is_changed() throws Exception {
    assertThat(Jobpacks.verifier().verify(rebuilt(Map.of(), null)).filesVerified()).isEqualTo(8);
  }
}
