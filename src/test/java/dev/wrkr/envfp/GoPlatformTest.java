package dev.wrkr.envfp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPlatformTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Linux, linux",
    "Mac OS X, darwin",
    "Darwin, darwin",
    "Windows 11, windows",
    "Windows Server 2022, windows",
    "FreeBSD, freebsd",
    "OpenBSD, openbsd",
    "NetBSD, netbsd",
    "SunOS, solaris",
    "AIX, aix",
    "OS/400, os400",
  })
  void goos_should_use_go_spellings(String osName, String goos) {
    assertThat(GoPlatform.goos(osName)).isEqualTo(goos);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "amd64, amd64",
    "x86_64, amd64",
    "aarch64, arm64",
    "arm64, arm64",
    "x86, 386",
    "i386, 386",
    "i686, 386",
    "arm, arm",
    "ppc64le, ppc64le",
    "s390x, s390x",
    "riscv64, riscv64",
    "loongarch64, loong64",
    "mips64el, mips64le",
    "sparcv9, sparc64",
    "Some_Arch, somearch",
  })
  void goarch_should_use_go_spellings(String osArch, String goarch) {
    assertThat(GoPlatform.goarch(osArch)).isEqualTo(goarch);
  }
}
