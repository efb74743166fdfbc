package dev.wrkr.schema;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import java.net.URL;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Serves {@code https://wrkr.dev/schemas/v1/<rel>} from the bundled copy at {@code
 * dev/wrkr/schemas/v1/<rel>} on the classpath, so references resolve offline. Counts what it
 * opens, which is how {@code SchemasTest} proves that schemas load lazily.
 */
final class ClasspathSchemaLoader implements ResourceLoader {
  static final String CLASSPATH_ROOT = "dev/wrkr/schemas/v1/";

  private final ClassLoader classLoader;
  private final Map<String, LongAdder> opened = new ConcurrentHashMap<>();

  ClasspathSchemaLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public InputStreamSource getResource(AbsoluteIri iri) {
    String uri = iri.toString();
    if (!uri.startsWith(SchemaId.BASE_URI)) {
      return null;
    }
    String relative = uri.substring(SchemaId.BASE_URI.length());
    if (relative.isEmpty() || relative.contains("..")) {
      return null;
    }
    URL url = classLoader.getResource(CLASSPATH_ROOT + relative);
    if (url == null) {
      return null;
    }
    return () -> {
      opened.computeIfAbsent(relative, key -> new LongAdder()).increment();
      return url.openStream();
    };
  }

  /** How often each bundled file was opened, by path relative to the base URI. */
  Map<String, Long> opened() {
    Map<String, Long> counts = new TreeMap<>();
    opened.forEach((path, count) -> counts.put(path, count.sum()));
    return counts;
  }
}
