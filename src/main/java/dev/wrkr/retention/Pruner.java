package dev.wrkr.retention;

import dev.wrkr.store.PruneCandidate;
import dev.wrkr.store.Retention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code wrkr store prune}: removes old finished jobs from the store and old or surplus jobpacks
 * and reports from the out dir. Never follows a symbolic link and never touches a file outside
 * {@code <out>/jobpacks} and {@code <out>/reports}.
 */
public final class Pruner {
  private final Supplier<Retention> store;
  private final InstantSource clock;

  /** {@code store} is opened only when a job criterion is set. */
  public Pruner(Supplier<Retention> store, InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public PruneReport prune(PruneRequest request) {
    Instant now = clock.instant();
    List<PruneReport.Entry> matched = new ArrayList<>();
    int checked = 0;
    int removed = 0;
    long freed = 0;
    if (request.jobMaxAge().isPresent()) {
      Retention retention = store.get();
      // Only terminal jobs are candidates; the lease and status are checked again, with the
      // delete, in one transaction (RetentionContract).
      for (PruneCandidate job : retention.candidates(now.minus(request.jobMaxAge().get()), now)) {
        checked++;
        if (!request.dryRun() && !retention.deleteIfStillPrunable(job.jobId(), job.lastSeq(), now)) {
          continue;
        }
        matched.add(new PruneReport.Entry("job", job.jobId().value(), job.payloadBytes(), job.lastEventAt(), "age"));
        if (!request.dryRun()) {
          removed++;
          freed += job.payloadBytes();
        }
      }
    }
    for (FileSet set : List.of(
        new FileSet("jobpack", request.outDir().resolve("jobpacks"), request.jobpacks()),
        new FileSet("report", request.outDir().resolve("reports"), request.reports()))) {
      if (!set.rule().isSet()) {
        continue;
      }
      List<FileEntry> files = files(set);
      checked += files.size();
      for (PruneReport.Entry entry : match(set, files, now)) {
        matched.add(entry);
        if (!request.dryRun()) {
          freed += delete(Path.of(entry.path()), set.kind());
          removed++;
        }
      }
    }
    matched.sort(Comparator.comparing(PruneReport.Entry::path));
    return new PruneReport(now, request.dryRun(), checked, matched.size(), removed, freed, matched);
  }

  private record FileSet(String kind, Path dir, PruneRequest.FileRule rule) {}

  private record FileEntry(Path path, long size, Instant modTime) {}

  private static List<FileEntry> files(FileSet set) {
    if (!Files.isDirectory(set.dir(), LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(set.dir())) {
      List<FileEntry> out = new ArrayList<>();
      for (Path p : list.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean wanted = a.isRegularFile()
            && (!set.kind().equals("jobpack") || p.getFileName().toString().endsWith(".zip"));
        if (wanted) {
          out.add(new FileEntry(p, a.size(), a.lastModifiedTime().toInstant()));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Age first; then, of the rest, all but the newest N (ties by path) by count. */
  private static List<PruneReport.Entry> match(FileSet set, List<FileEntry> files, Instant now) {
    List<FileEntry> newestFirst = new ArrayList<>(files);
    newestFirst.sort(Comparator.comparing(FileEntry::modTime).reversed()
        .thenComparing(f -> f.path().toString()));
    List<PruneReport.Entry> out = new ArrayList<>();
    int kept = 0;
    for (FileEntry f : newestFirst) {
      String reason = null;
      if (set.rule().maxAge().isPresent() && f.modTime().isBefore(now.minus(set.rule().maxAge().get()))) {
        reason = "age";
      } else if (set.rule().maxCount().isPresent() && kept >= set.rule().maxCount().getAsInt()) {
        reason = "count";
      } else {
        kept++;
      }
      if (reason != null) {
        out.add(new PruneReport.Entry(set.kind(), f.path().toString(), f.size(), f.modTime(), reason));
      }
    }
    return out;
  }

  /** Deletes the file, and for a jobpack its {@code .sig.json} beside it; returns the bytes freed. */
  private static long delete(Path file, String kind) {
    try {
      long freed = 0;
      if (kind.equals("jobpack")) {
        String name = file.getFileName().toString();
        Path sig = file.resolveSibling(name.substring(0, name.length() - ".zip".length()) + ".sig.json");
        if (Files.isRegularFile(sig, LinkOption.NOFOLLOW_LINKS)) {
          freed += Files.size(sig);
          Files.delete(sig);
        }
      }
      freed += Files.size(file);
      Files.deleteIfExists(file);
      return freed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
