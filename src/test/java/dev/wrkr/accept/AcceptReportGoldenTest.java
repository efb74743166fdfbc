package dev.wrkr.accept;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Canonical;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import dev.wrkr.testing.Golden;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** accept_result.json and JUnit XML of fixed checks, byte for byte. */
class AcceptReportGoldenTest {
  private static final Instant T0 = Instant.parse("2026-02-14T03:45:00.000000123Z");

  static List<CheckResult> checks() {
    return List.of(
        CheckResult.pass("schema_validity", "all schemas valid").took(Duration.ofMillis(3)),
        CheckResult.fail("required_artifacts", "missing required artifacts: reports/a.md, reports/b.md (missing)",
            ReasonCode.E_ACCEPT_MISSING_ARTIFACT).withArtifact("reports/a.md").took(Duration.ofNanos(1_500_000)),
        CheckResult.pass("path_constraints", "path constraints satisfied"),
        CheckResult.fail("test_command", "command failed (exit=1): expected <1> & \"2\"\n\u0001at line 3",
            ReasonCode.E_ACCEPT_TEST_FAIL).took(Duration.ofMillis(2_345)),
        CheckResult.fail("lint_command", "command timed out after 1s and was killed: (no output)",
            ReasonCode.E_ACCEPT_LINT_FAIL).took(Duration.ofSeconds(1)));
  }

  @Test
  void accept_result_should_match_the_golden_bytes_and_the_schema() {
    var result = Acceptance.result("job_golden", T0, "0.0.0-golden", checks());
    assertThat(Schemas.standard().validate(SchemaId.ACCEPT_RESULT, result)).isEmpty();
    Golden.assertMatches("accept/accept_result.json",
        new String(Canonical.canonicalize(result), StandardCharsets.UTF_8) + "\n");
    assertThat(result.get("reason_codes").toString())
        .isEqualTo("[\"E_ACCEPT_MISSING_ARTIFACT\",\"E_ACCEPT_TEST_FAIL\",\"E_ACCEPT_LINT_FAIL\"]");
  }

  @Test
  void junit_should_match_the_golden_bytes_and_parse_as_one_testcase_per_check() throws Exception {
    byte[] xml = JunitReport.write(checks());
    Golden.assertMatches("accept/accept.junit.xml", new String(xml, StandardCharsets.UTF_8));
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    Element suite = doc.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("3");
    assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(5);
    Element failure = (Element) suite.getElementsByTagName("failure").item(1);
    assertThat(failure.getAttribute("type")).isEqualTo("E_ACCEPT_TEST_FAIL");
    assertThat(failure.getTextContent()).startsWith("E_ACCEPT_TEST_FAIL\ncommand failed (exit=1): expected <1>");
  }

  @Test
  void junit_should_be_valid_against_the_junit_report_schema_ci_systems_read() throws Exception {
    javax.xml.validation.Validator validator = javax.xml.validation.SchemaFactory
        .newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(java.nio.file.Path.of("src/test/resources/junit/junit-report.xsd").toFile()).newValidator();
    validator.validate(new javax.xml.transform.stream.StreamSource(new ByteArrayInputStream(JunitReport.write(checks()))));
    byte[] broken = new String(JunitReport.write(checks()), StandardCharsets.UTF_8)
        .replace("tests=\"5\"", "tests=\"five\"").getBytes(StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator.validate(
            new javax.xml.transform.stream.StreamSource(new ByteArrayInputStream(broken))))
        .as("the schema rejects what a CI parser would").isInstanceOf(org.xml.sax.SAXException.class);
  }

  @Test
  void junit_should_not_depend_on_locale() {
    java.util.Locale before = java.util.Locale.getDefault();
    byte[] first = JunitReport.write(checks());
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertThat(JunitReport.write(checks())).isEqualTo(first);
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void a_failed_check_should_need_a_reason_code() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CheckResult("x", false, "m", Optional.empty(),
        Optional.empty(), Duration.ZERO, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
