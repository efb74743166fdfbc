package dev.wrkr.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A store's single-event append as a share of the fsync floor, measured in pairs: each operation
 * does one floor write+fdatasync and then one durable append, timing each half. On a shared
 * machine the disk's speed drifts by several times within seconds; benches run one after the
 * other compare different moments, these pairs compare the same moment.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PairedFloorBench {
  @Param({"sqlite", "postgres"})
  public String store;

  private final FsyncFloorBench floor = new FsyncFloorBench();
  private final StoreAppendBench append = new StoreAppendBench();

  /** Nanoseconds spent in each half during one iteration; the report divides them. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Halves {
    public long floorNanos;
    public long storeNanos;

    @Setup(Level.Iteration)
    public void reset() {
      floorNanos = 0;
      storeNanos = 0;
    }
  }

  @Setup
  public void open() throws IOException {
    floor.open();
    append.store = store;
    append.open();
  }

  @TearDown
  public void close() throws IOException {
    floor.close();
    append.close();
  }

  @Benchmark
  public Object floorThenSingleEvent(Halves halves) throws IOException {
    long start = System.nanoTime();
    floor.append100BytesAndFsync();
    long middle = System.nanoTime();
    Object result = append.singleEvent();
    halves.floorNanos += middle - start;
    halves.storeNanos += System.nanoTime() - middle;
    return result;
  }
}
