package dev.wrkr.spec;

/**
 * The adapter a JobSpec names ({@code adapter.name}, trimmed and lower-cased as Wrkr) with its
 * settings. Only {@link JobSpecLoader} maps names to these types; an unknown name never gets this
 * far (it fails at load time with {@code unsupported adapter "x"}).
 */
public sealed interface AdapterSpec permits ReferenceAdapter, NoopAdapter {
  /** The adapter's name as written in a JobSpec and in events: {@code reference} or {@code noop}. */
  String name();
}
