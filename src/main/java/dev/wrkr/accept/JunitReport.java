package dev.wrkr.accept;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Acceptance checks as JUnit XML that CI systems read (the common Ant/Jenkins shape): one
 * {@code <testsuite name="wrkr-accept">} with one {@code <testcase classname="wrkr.accept">} per
 * check, a failed check carrying {@code <failure message=… type=<reason code>>} whose text is the
 * reason code then the message. Attributes come in a fixed order and times are the checks' measured
 * durations in seconds with three decimals, so the same checks give the same bytes. Like Wrkr, no
 * element is self-closing.
 */
public final class JunitReport {
  private JunitReport() {}

  /** The report's bytes: UTF-8, 2-space indented, ending with a newline. */
  public static byte[] write(List<CheckResult> checks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
      long failures = checks.stream().filter(c -> !c.passed()).count();
      Duration total = checks.stream().map(CheckResult::elapsed).reduce(Duration.ZERO, Duration::plus);
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "wrkr-accept");
      x.writeAttribute("tests", Integer.toString(checks.size()));
      x.writeAttribute("failures", Long.toString(failures));
      x.writeAttribute("errors", "0");
      x.writeAttribute("skipped", "0");
      x.writeAttribute("time", seconds(total));
      for (CheckResult c : checks) {
        x.writeCharacters("\n  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "wrkr.accept");
        x.writeAttribute("name", c.name());
        x.writeAttribute("time", seconds(c.elapsed()));
        if (!c.passed()) {
          String code = c.reasonCode().orElseThrow().name();
          x.writeCharacters("\n    ");
          x.writeStartElement("failure");
          // An attribute cannot keep a raw line break (readers turn it into a space), so do that here.
          x.writeAttribute("message", xmlSafe(c.message()).replaceAll("[\\t\\r\\n]", " "));
          x.writeAttribute("type", code);
          x.writeCharacters(xmlSafe(code + "\n" + c.message()));
          x.writeEndElement();
          x.writeCharacters("\n  ");
        } else {
          x.writeCharacters("");
        }
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }

  /** Drops characters XML 1.0 cannot hold (control characters other than tab, newline, CR). */
  static String xmlSafe(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (ok) {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }
}
