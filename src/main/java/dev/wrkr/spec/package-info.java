/**
 * JobSpec v1 ({@code wrkr.jobspec}): loading, validation and the {@code wrkr init} template.
 *
 * <p>{@link dev.wrkr.spec.JobSpecLoader} turns a file into a {@link dev.wrkr.spec.JobSpec} or an
 * {@link dev.wrkr.spec.InvalidJobSpecException} ({@code E_INVALID_INPUT_SCHEMA}, exit 6) whose
 * message and details name the JSON Pointer, line and column of the problem. {@link
 * dev.wrkr.spec.JobSpecTemplate} writes the starter file.
 *
 * <p>Rules, and where they differ from Wrkr (reference §3):
 *
 * <ul>
 *   <li><b>Paths.</b> A relative JobSpec path must stay inside the working directory, symlinks
 *       resolved (as Wrkr); absolute paths may be anywhere. {@code inputs.workspace} (Wrkr ignores
 *       it) is where commands run: the JobSpec's directory by default; a relative one must stay
 *       inside that directory (symlinks resolved), an absolute one may be anywhere; it must exist
 *       and be a directory. Artifact paths ({@code expected_artifacts}, step {@code artifacts})
 *       must be relative, without {@code ..}: "path escapes the workspace" otherwise.
 *   <li><b>Size.</b> At most 1 MiB, checked before parsing (Wrkr has no limit).
 *   <li><b>Formats.</b> {@code .json} (any case) is strict JSON (duplicate keys, comments, trailing
 *       commas refused); anything else is YAML restricted to what JSON can express: one document,
 *       string keys, no anchors/aliases/merge keys, no tags but {@code !!str}, no {@code .inf}/
 *       {@code .nan}, nesting at most 100 deep, UTF-8 only. Scalars resolve by the YAML 1.2 core
 *       schema, so timestamps, {@code yes} and {@code on} stay strings. Wrkr's yaml.v3 accepts
 *       anchors and several documents (it reads the first).
 *   <li><b>Unknown keys</b> are errors at every level the schema closes (top level, {@code
 *       adapter}, {@code budgets}, {@code checkpoint_policy}, {@code environment_fingerprint}) and
 *       in steps, with a "did you mean"; Wrkr drops them silently. Keys are matched exactly (Go
 *       matches struct fields case-insensitively).
 *   <li><b>Adapters.</b> {@code reference} and {@code noop}, trimmed and lower-cased as Wrkr; any
 *       other name fails at load time, not when the job runs.
 *   <li><b>Steps</b> ({@link dev.wrkr.spec.Step}): Wrkr's keys and defaults; ids must be unique;
 *       a value of the wrong type (a non-string {@code command}, a non-boolean {@code executed})
 *       is an error where Wrkr ignores it; our additions {@code timeout}, {@code env}, {@code
 *       retries}, {@code retry_backoff}.
 *   <li><b>Fingerprint rules</b> go through {@code EnvRules.normalize}: {@code go_version} reads as
 *       {@code java_version}; unknown rules are errors.
 *   <li><b>Nulls.</b> Like Wrkr, a null {@code inputs}, {@code expected_artifacts} or {@code
 *       checkpoint_policy.required_types} counts as absent, and so does a null step field.
 * </ul>
 */
package dev.wrkr.spec;
