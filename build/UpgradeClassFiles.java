import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

/**
 * Build step (run by Maven in the package phase on the copied runtime jars): rewrites the class
 * files of a jar compiled for Java 5 or older as Java 8 class files with stack map frames.
 *
 * <p>Why: picocli ships Java 5 class files, and the JDK's start-up caches (AppCDS, the JDK 25 AOT
 * cache) cannot hold "old" classes, so every wrkr command paid about 50 ms to load and verify
 * picocli from scratch (docs/performance.md, "Start-up"). Same bytecode, newer container: ASM
 * recomputes the frames; JSR/RET subroutines, if any, are inlined. Entry order and times are kept,
 * so the output is as reproducible as the input. The tests that run the launcher (LauncherIT)
 * exercise the rewritten jar.
 *
 * <p>Usage: {@code java -cp <asm jars> build/UpgradeClassFiles.java <jar>...} (rewrites in place).
 */
public final class UpgradeClassFiles {
  private UpgradeClassFiles() {}

  public static void main(String[] args) throws IOException {
    for (String arg : args) {
      upgrade(Path.of(arg));
    }
  }

  private static void upgrade(Path jar) throws IOException {
    Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
    int upgraded = 0;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        InputStream raw = Files.newInputStream(jar);
        ZipInputStream in = new ZipInputStream(raw);
        OutputStream rawOut = Files.newOutputStream(tmp);
        ZipOutputStream out = new ZipOutputStream(rawOut)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        if (isOldClass(entry, bytes)) {
          bytes = rewrite(bytes, loader);
          upgraded++;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    if (upgraded > 0) {
      System.out.println("upgraded " + upgraded + " class files in " + jar.getFileName());
    }
  }

  private static boolean isOldClass(ZipEntry entry, byte[] bytes) {
    if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/") || bytes.length < 8) {
      return false;
    }
    int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
    return major < Opcodes.V1_6;
  }

  private static byte[] rewrite(byte[] bytes, ClassLoader loader) {
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return loader;
          }
        };
    ClassVisitor upgrade =
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(int version, int access, String name, String sig, String superName, String[] itfs) {
            super.visit(Opcodes.V1_8, access, name, sig, superName, itfs);
          }

          @Override
          public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, desc, sig, exceptions);
            return new JSRInlinerAdapter(mv, access, name, desc, sig, exceptions);
          }
        };
    new ClassReader(bytes).accept(upgrade, ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
