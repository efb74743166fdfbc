package dev.wrkr.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The machine's fsync floor: append 100 bytes to a file and {@code force(false)} (fdatasync), once
 * per operation, in the directory the SQLite bench uses. No durable append can beat this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FsyncFloorBench {
  private final ByteBuffer record = ByteBuffer.wrap(fill(new byte[100]));
  private Path file;
  private FileChannel channel;

  private static byte[] fill(byte[] bytes) {
    Arrays.fill(bytes, (byte) 'x');
    bytes[bytes.length - 1] = '\n';
    return bytes;
  }

  @Setup
  public void open() throws IOException {
    file = BenchDir.newPath("fsync-floor", ".log");
    channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
  }

  @TearDown
  public void close() throws IOException {
    channel.close();
    BenchDir.delete(file);
  }

  @Benchmark
  public void append100BytesAndFsync() throws IOException {
    record.rewind();
    channel.write(record);
    channel.force(false);
  }
}
