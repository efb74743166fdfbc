package dev.wrkr.testing;

/** What one in-process CLI run printed and returned. */
public record CliRun(int exitCode, String out, String err) {}
