package dev.wrkr.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads test resources: fixtures under {@code schemas/} and the bundled schema files. */
final class Fixtures {
  static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Fixtures() {}

  /** A folder on the test classpath as a file-system path (tests run from exploded folders). */
  static Path folder(String resource) {
    URL url = Fixtures.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("missing test resource folder " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code .json} files directly in a folder, sorted by name. */
  static List<Path> jsonFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema a fixture is for, named up to the first dot: {@code jobspec.blessed.json}. */
  static SchemaId schemaOf(String fixtureName) {
    String name = fixtureName.substring(0, fixtureName.indexOf('.'));
    return Arrays.stream(SchemaId.values())
        .filter(id -> shortName(id).equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no schema named " + name));
  }

  /** The schema's file name without {@code .schema.json}, e.g. {@code manifest}. */
  static String shortName(SchemaId id) {
    String file = id.path().substring(id.path().lastIndexOf('/') + 1);
    return file.substring(0, file.length() - ".schema.json".length());
  }
}
