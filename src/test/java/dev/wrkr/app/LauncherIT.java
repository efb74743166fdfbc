package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.release.BuildInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./wrkr} launcher, run after {@code package}: it must find a JDK >= 21 when the
 * default {@code java} is older, say what to install when there is none, and keep stdout clean.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("wrkr").toAbsolutePath();
  private static Optional<Path> oldJdk;

  @TempDir Path home;

  @BeforeAll
  static void findAnOldJdk() throws IOException {
    try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
      oldJdk = jdks.filter(p -> Files.isExecutable(p.resolve("bin/java")))
          .filter(p -> major(p) > 0 && major(p) < 21)
          .findFirst();
    }
  }

  private static int major(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring(13).replace("\"", "");
          return Integer.parseInt(v.split("[.+-]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private record Result(int exit, String out, String err) {}

  private Result launch(Map<String, String> extraEnv, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    Map<String, String> env = pb.environment();
    env.put("HOME", home.toString());
    env.remove("WRKR_STORE_URL");
    env.putAll(extraEnv);
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Map<String, String> withDefaultJava(Path jdk) {
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", jdk.toString());
    env.put("PATH", jdk.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
    return env;
  }

  @Test
  void launcher_should_run_with_a_newer_jdk_when_the_default_java_is_older() throws Exception {
    assertThat(oldJdk).as("this machine has a JDK older than 21 as its default (CI machines do)").isPresent();
    Result r = launch(withDefaultJava(oldJdk.get()), "version");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(
        "wrkr " + BuildInfo.current().version() + " (commit=none date=unknown)\n");
  }

  @Test
  void launcher_should_say_what_to_install_when_no_jdk_21_is_found() throws Exception {
    assertThat(oldJdk).isPresent();
    Path empty = Files.createDirectories(home.resolve("no-jdks"));
    Map<String, String> env = withDefaultJava(oldJdk.get());
    env.put("WRKR_JDK_DIRS", empty.toString());
    Result r = launch(env, "version");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no JDK 21 or newer found").contains("WRKR_JAVA_HOME").contains("apt install");
  }

  /**
   * Commands that stream whole jobpacks through SHA-256 keep the full JIT (only C2 uses the CPU's
   * SHA instructions); every other command starts with C1 only.
   */
  @Test
  void jobpack_commands_should_keep_the_full_jit_and_the_rest_c1_only() throws Exception {
    Map<String, String> flags = Map.of("WRKR_JAVA_OPTS", "-XX:+PrintFlagsFinal");
    String[][] full = {{"export", "job_x"}, {"verify", "x.zip"}, {"--store", "sqlite:x.db", "verify", "x.zip"},
        {"job", "inspect", "x.zip"}, {"job", "diff", "a.zip", "b.zip"}, {"report", "github", "x.zip"}};
    String[][] c1 = {{"version"}, {"status", "job_x"}, {"jobs"}, {"--json", "checkpoint", "list", "job_x"}};
    for (String[] args : full) {
      String out = launch(flags, args).out();
      assertThat(tieredStopAtLevel(out)).as(String.join(" ", args)).isEqualTo("4");
      assertThat(out).as("C2 limited to the hashing and scanning loops")
          .containsPattern("CompilerDirectivesFile += \\S*src/main/jvm/jobpack-jit.json");
    }
    for (String[] args : c1) {
      String out = launch(flags, args).out();
      assertThat(tieredStopAtLevel(out)).as(String.join(" ", args)).isEqualTo("1");
      assertThat(out).doesNotContain("jobpack-jit.json");
    }
  }

  /**
   * Every command runs with the JDK's root-locale data instead of CLDR's (the launcher says why);
   * the output is the same bytes, which the golden files and DeterminismTest check.
   */
  @Test
  void every_command_should_start_without_the_cldr_locale_provider() throws Exception {
    Map<String, String> flags = Map.of("WRKR_JAVA_OPTS", "-XshowSettings:properties");
    for (String[] args : new String[][] {{"version"}, {"status", "job_x"}, {"verify", "x.zip"}}) {
      Result r = launch(flags, args);
      assertThat(r.err()).as(String.join(" ", args)).contains("java.locale.providers = HOST")
          .as("sqlite-jdbc lists the unpacked library's folder, not /tmp").containsPattern("org.sqlite.tmpdir = \\S*/native/")
          .contains("slf4j.provider = org.slf4j.simple.SimpleServiceProvider").doesNotContain("SLF4J");
    }
  }

  private static String tieredStopAtLevel(String printFlagsFinal) {
    return printFlagsFinal.lines().filter(l -> l.contains(" TieredStopAtLevel "))
        .map(l -> l.replaceAll(".*= *(\\d+).*", "$1")).findFirst().orElse("absent");
  }

  @Test
  void json_mode_should_keep_stdout_machine_clean_on_success_and_failure() throws Exception {
    Result ok = launch(Map.of(), "--json", "version");
    assertThat(ok.exit()).isZero();
    assertThat(ok.err()).isEmpty();
    assertThat(Json.parse(ok.out()).get("version").asString()).isEqualTo(BuildInfo.current().version());

    Result missing = launch(Map.of(), "status", "job_nope", "--json");
    assertThat(missing.exit()).isEqualTo(6);
    assertThat(missing.out()).isEmpty();
    assertThat(Json.parse(missing.err()).get("code").asString()).isEqualTo("E_INVALID_INPUT_SCHEMA");
  }

  @Test
  void a_stale_or_foreign_startup_cache_should_not_break_or_pollute_output() throws Exception {
    Path target = LAUNCHER.getParent().resolve("target");
    try (Stream<Path> caches = Files.list(target)) {
      for (Path cache : caches.filter(p -> p.getFileName().toString().matches("wrkr-\\d+\\.(aot|jsa)")).toList()) {
        Files.writeString(cache, "not a cache");
      }
    }
    try {
      Result r = launch(Map.of(), "--json", "version");
      assertThat(r.exit()).isZero();
      assertThat(Json.parse(r.out()).get("version").asString()).isEqualTo(BuildInfo.current().version());
    } finally {
      try (Stream<Path> caches = Files.list(target)) {
        for (Path cache : caches.filter(p -> p.getFileName().toString().startsWith("wrkr-")).toList()) {
          Files.deleteIfExists(cache);
        }
      }
    }
  }

  @Test
  void a_jar_rebuilt_without_the_launcher_should_not_run_with_a_stale_startup_cache() throws Exception {
    Path target = LAUNCHER.getParent().resolve("target");
    assertThat(launch(Map.of(), "version").exit()).isZero();
    // As if `mvn package` had rebuilt the jar after the cache was made: the cache is now older.
    java.nio.file.attribute.FileTime old =
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
    List<Path> caches;
    try (Stream<Path> files = Files.list(target)) {
      caches = files.filter(p -> p.getFileName().toString().matches("wrkr-\\d+\\.aot")).toList();
    }
    for (Path cache : caches) {
      Files.setLastModifiedTime(cache, old);
    }
    Result r = launch(Map.of(), "--json", "version");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    for (Path cache : caches) {
      assertThat(Files.getLastModifiedTime(cache)).as("retrained for the new jar")
          .isGreaterThan(Files.getLastModifiedTime(target.resolve("wrkr.jar")));
    }
  }

  /**
   * Maven leaves an up-to-date jar untouched, so after a build triggered by a source file that is
   * newer than the jar but unchanged, the jar must still count as newer: a copy of the launcher
   * beside the real jar, a fake {@code mvn} that counts its runs and builds nothing, and two starts
   * must build once.
   */
  @Test
  void a_build_that_leaves_the_jar_untouched_should_not_make_every_start_build_again() throws Exception {
    Path repo = Files.createDirectories(home.resolve("repo"));
    Path realTarget = LAUNCHER.getParent().resolve("target");
    Files.copy(LAUNCHER, repo.resolve("wrkr"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Path target = Files.createDirectories(repo.resolve("target"));
    Files.copy(realTarget.resolve("wrkr.jar"), target.resolve("wrkr.jar"));
    Files.createSymbolicLink(target.resolve("lib"), realTarget.resolve("lib"));
    Files.createSymbolicLink(target.resolve("native"), realTarget.resolve("native"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
    Path source = Files.createDirectories(repo.resolve("src/main/java")).resolve("Touched.java");
    Files.writeString(source, "class Touched {}\n");
    java.nio.file.attribute.FileTime old =
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
    Files.setLastModifiedTime(repo.resolve("pom.xml"), old);
    Files.setLastModifiedTime(target.resolve("wrkr.jar"), old);  // the source is newer than the jar
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path runs = home.resolve("mvn-runs");
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\necho run >> '" + runs + "'\n");
    mvn.toFile().setExecutable(true);

    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("WRKR_NO_CACHE", "1");
    List<String> cmd = List.of(repo.resolve("wrkr").toString(), "version");
    for (int start = 0; start < 2; start++) {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
      pb.environment().putAll(env);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("wrkr " + BuildInfo.current().version());
    }
    assertThat(Files.readAllLines(runs)).as("builds over two starts").hasSize(1);
  }
}
