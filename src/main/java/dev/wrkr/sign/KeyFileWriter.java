package dev.wrkr.sign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes key files with their mode set when they are created, never after. */
final class KeyFileWriter {
  static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

  private KeyFileWriter() {}

  /**
   * Writes {@code content} to {@code file}, created with {@code mode} (POSIX file systems). Without
   * {@code replace}, an existing file is refused (O_EXCL); with it, a temporary file in the same
   * directory, itself created with {@code mode}, is renamed over the old one.
   */
  static void write(Path file, byte[] content, Set<PosixFilePermission> mode, boolean replace) {
    Path target = file.toAbsolutePath();
    boolean posix = isPosix(target.getParent());
    // The mode goes in the open(2) call itself, so a private key is never readable by others, not
    // even between creation and a later chmod (SigningKeysTest checks the resulting modes).
    FileAttribute<?>[] attributes =
        posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    try {
      if (replace) {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp", attributes);
        try {
          create(temporary, content, Set.of(StandardOpenOption.WRITE), attributes);
          exactMode(temporary, posix, mode);
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(temporary);
        }
      } else {
        create(target, content, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
        exactMode(target, posix, mode);
      }
    } catch (FileAlreadyExistsException e) {
      throw KeyFileException.unsafe(file, "already exists; refusing to overwrite a key (force replacing it with --force)");
    } catch (IOException e) {
      throw KeyFileException.unwritable(file, e);
    }
  }

  private static void create(Path file, byte[] content, Set<StandardOpenOption> options, FileAttribute<?>[] attributes)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, options, attributes)) {
      writeAll(channel, content);
    }
  }

  /** The umask may have narrowed the mode given at creation; a public key file should be 0644 anyway. */
  private static void exactMode(Path file, boolean posix, Set<PosixFilePermission> mode) throws IOException {
    if (posix && mode.equals(PUBLIC)) {
      Files.setPosixFilePermissions(file, mode);
    }
  }

  private static void writeAll(FileChannel channel, byte[] content) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(content);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(true);
  }

  static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** A mode as 4 octal digits, e.g. {@code 0640}. */
  static String octal(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return String.format("%04o", mode);
  }
}
