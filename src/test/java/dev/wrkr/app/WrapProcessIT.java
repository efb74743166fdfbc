package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wrkr.app.WrkrProcess.Result;
import dev.wrkr.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code wrkr wrap} as a real process: output streamed while the command runs, and what a kill -9
 * of wrkr mid-command leaves (docs/jobpack.md, "Wrap mode").
 */
class WrapProcessIT {
  /** Sleeps on its first run only, so the run after the crash finishes at once. */
  private static final String COMMAND =
      "echo $$ > cmd.pid; echo x >> cmd.runs; if [ ! -f tried ]; then touch tried; echo started; sleep 60; fi; echo finished";

  @TempDir Path dir;

  @Test
  void kill_9_mid_command_should_leave_a_running_job_that_resume_takes_over_and_reruns() throws Exception {
    WrkrProcess wrkr = WrkrProcess.fresh("sqlite", dir).env("WRKR_LEASE_TTL_SECONDS", "3");
    Process wrap = wrkr.start("wrap", "wrap", "--job-id", "wrapped", "--", "sh", "-c", COMMAND);
    // Streamed while the command still sleeps: the job has not ended, and wrkr already printed it.
    await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(dir.resolve("wrap.out")).contains("started\n"));
    long orphan = Long.parseLong(Files.readString(dir.resolve("cmd.pid")).strip());
    wrap.destroyForcibly();  // SIGKILL: no lease release, no jobpack, the command left running
    assertThat(wrap.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // First, while the dead worker's lease still lives (at most 3 s): nobody else may run the job.
    Result early = wrkr.run("resume", "wrapped", "--json");
    assertThat(early.exit()).isEqualTo(1);
    assertThat(early.envelope().get("code").asString()).isEqualTo("E_LEASE_CONFLICT");
    assertThat(Files.readString(dir.resolve("wrap.out"))).isEqualTo("started\n");
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the command outlives wrkr").contains(true);

    JsonNode status = wrkr.json("status", "wrapped", "--json");
    assertThat(status.get("status").asString()).isEqualTo("running");
    assertThat(status.get("lease").get("worker_id").asString()).startsWith("dispatch-");
    assertThat(status.get("lease").has("expires_at")).isTrue();
    assertThat(wrkr.events("wrapped", "step_started")).hasSize(1);
    assertThat(wrkr.events("wrapped", "step_process").getFirst().get("pid").asLong()).isEqualTo(orphan);
    assertThat(wrkr.events("wrapped", "adapter_step")).as("the step is in flight, not recorded").isEmpty();

    Thread.sleep(3_500);  // the lease TTL
    // status still names the dead worker's lease; its expiry, now past, says nobody holds the job.
    String after = wrkr.run("status", "wrapped").out().strip();
    assertThat(after).startsWith("job=wrapped status=running lease_worker=dispatch-");
    assertThat(Instant.parse(after.substring(after.indexOf("lease_expires=") + 14))).isBefore(Instant.now());
    Result resumed = wrkr.run("resume", "wrapped");
    assertThat(resumed.out()).isEqualTo("job=wrapped status=completed\n");
    // The dead wrap's command was stopped before the step ran again from the start.
    await().atMost(Duration.ofSeconds(20))
        .until(() -> !ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
    assertThat(wrkr.lines("cmd.runs")).isEqualTo(2);
    assertThat(wrkr.events("wrapped", "adapter_step")).hasSize(1);
    // resume does not export: the jobpack is one export away, and verifies.
    assertThat(dir.resolve("wrkr-out")).doesNotExist();
    assertThat(wrkr.run("export", "wrapped").exit()).isZero();
    assertThat(wrkr.run("verify", "wrapped").exit()).isZero();
  }

  @Test
  void the_wrapped_exit_code_should_be_wrkrs_exit_code() throws Exception {
    WrkrProcess wrkr = WrkrProcess.fresh("sqlite", dir);
    Result failed = wrkr.run("wrap", "--json", "--", "sh", "-c", "echo out; echo err >&2; exit 42");
    assertThat(failed.exit()).isEqualTo(42);
    assertThat(failed.json().get("adapter_result").get("exit_code").asInt()).isEqualTo(42);
    assertThat(failed.err()).startsWith("out\nerr\n").contains("\"E_ADAPTER_FAIL\"");
    Result ok = wrkr.run("wrap", "--", "echo", "fine");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).startsWith("fine\njob_id=job_wrap_");
  }
}
