package dev.wrkr.store.jdbc;

import dev.wrkr.job.JobId;
import dev.wrkr.store.AppendRequest;
import dev.wrkr.store.AppendResult;
import dev.wrkr.store.CheckpointHead;
import dev.wrkr.store.JobSnapshot;
import dev.wrkr.store.Ledger;
import dev.wrkr.store.NewEvent;
import dev.wrkr.store.SnapshotCheckpoint;
import dev.wrkr.store.StoreException;
import dev.wrkr.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger on the {@code jobs} and {@code events} tables.
 *
 * <p>An append is one transaction: a compare-and-set of {@code jobs.last_seq} (an insert of the
 * jobs row when the job is new), then the events. The compare-and-set is what settles races: in
 * SQLite the transaction holds the write lock from its start; in PostgreSQL (READ COMMITTED) a
 * concurrent update of the same row waits for the winner and then finds {@code last_seq} changed,
 * and a concurrent insert of the same job waits and then hits the conflict. The loser writes
 * nothing and gets {@link AppendResult.Conflict}; {@code StoreContract} races threads and processes
 * on this.
 */
public final class JdbcLedger implements Ledger {
  private static final String INSERT_JOB =
      "INSERT INTO jobs (job_id, created_at, last_seq) VALUES (?, ?, ?)"
          + " ON CONFLICT (job_id) DO NOTHING";
  private static final String INSERT_JOB_WITH_SNAPSHOT =
      "INSERT INTO jobs (job_id, created_at, last_seq, snapshot_seq, snapshot_status,"
          + " snapshot_updated_at, snapshot_state, snapshot_checkpoint_seq,"
          + " snapshot_checkpoint_type, snapshot_checkpoint_summary)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (job_id) DO NOTHING";
  private static final String ADVANCE_JOB =
      "UPDATE jobs SET last_seq = ? WHERE job_id = ? AND last_seq = ?";
  private static final String ADVANCE_JOB_WITH_SNAPSHOT =
      "UPDATE jobs SET last_seq = ?, snapshot_seq = ?, snapshot_status = ?,"
          + " snapshot_updated_at = ?, snapshot_state = ?, snapshot_checkpoint_seq = ?,"
          + " snapshot_checkpoint_type = ?, snapshot_checkpoint_summary = ?"
          + " WHERE job_id = ? AND last_seq = ?";
  private static final String INSERT_EVENT =
      "INSERT INTO events (job_id, seq, created_at, type, payload) VALUES (?, ?, ?, ?, ?)";
  private static final String LAST_SEQ = "SELECT last_seq FROM jobs WHERE job_id = ?";
  private static final String READ =
      "SELECT seq, created_at, type, payload FROM events WHERE job_id = ? AND seq > ?"
          + " ORDER BY seq";
  private static final String READ_PAGE =
      "SELECT seq, created_at, type, payload FROM events WHERE job_id = ? AND seq > ?"
          + " ORDER BY seq LIMIT ?";
  private static final String READ_TYPE =
      "SELECT seq, created_at, type, payload FROM events WHERE job_id = ? AND type = ? ORDER BY seq";
  /** The type that migration 3's partial index {@code events_checkpoints} covers. */
  private static final String CHECKPOINT_TYPE = "checkpoint_emitted";
  /**
   * {@link #READ_TYPE} for checkpoints, with the type written as a literal: a planner uses a
   * partial index only when the query's WHERE clause implies the index's, which a bound
   * parameter does not guarantee (PostgreSQL's generic plans). {@code CheckpointIndexContract}
   * checks the plan on both stores.
   */
  public static final String READ_CHECKPOINTS =
      "SELECT seq, created_at, type, payload FROM events WHERE job_id = ? AND type = '"
          + CHECKPOINT_TYPE + "' ORDER BY seq";

  private final Jdbc jdbc;

  public JdbcLedger(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  @Override
  public AppendResult append(AppendRequest request) {
    request.events().forEach(JdbcLedger::checkStorable);
    return jdbc.inTransaction(
        "append to job " + request.jobId(),
        request.durability(),
        connection -> {
          long expected = request.expectedLastSeq();
          long last = expected + request.events().size();
          if (!advance(connection, request, last)) {
            return new AppendResult.Conflict(expected, lastSeq(connection, request.jobId()));
          }
          insertEvents(connection, request);
          return new AppendResult.Appended(expected + 1, last);
        });
  }

  /** Moves {@code last_seq} from the expected value to {@code last}; false if it was not there. */
  private static boolean advance(Connection connection, AppendRequest request, long last)
      throws SQLException {
    String job = request.jobId().value();
    long expected = request.expectedLastSeq();
    if (request.snapshot().isEmpty()) {
      return expected == 0
          ? Jdbc.update(connection, INSERT_JOB, job, createdAt(request), last) == 1
          : Jdbc.update(connection, ADVANCE_JOB, last, job, expected) == 1;
    }
    JobSnapshot s = request.snapshot().get();
    String updatedAt = Rows.text(s.updatedAt());
    Object cpSeq = s.lastCheckpoint().<Object>map(SnapshotCheckpoint::seq).orElse(Jdbc.SqlNull.BIGINT);
    Object cpType = s.lastCheckpoint().<Object>map(SnapshotCheckpoint::type).orElse(Jdbc.SqlNull.TEXT);
    Object cpSummary = s.lastCheckpoint().<Object>map(SnapshotCheckpoint::summary).orElse(Jdbc.SqlNull.TEXT);
    return expected == 0
        ? Jdbc.update(connection, INSERT_JOB_WITH_SNAPSHOT, job, createdAt(request), last, s.seq(), s.status(),
                updatedAt, s.stateJson(), cpSeq, cpType, cpSummary)
            == 1
        : Jdbc.update(connection, ADVANCE_JOB_WITH_SNAPSHOT, last, s.seq(), s.status(), updatedAt, s.stateJson(),
                cpSeq, cpType, cpSummary, job, expected)
            == 1;
  }

  /** A job was created when its first event happened: a stored fact, not the wall clock. */
  private static String createdAt(AppendRequest request) {
    return Rows.text(request.events().getFirst().createdAt());
  }

  private static void insertEvents(Connection connection, AppendRequest request)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
      long seq = request.expectedLastSeq();
      for (NewEvent event : request.events()) {
        Jdbc.bind(
            insert,
            request.jobId().value(),
            ++seq,
            Rows.text(event.createdAt()),
            event.type(),
            event.payloadJson());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * PostgreSQL text cannot hold U+0000 and SQLite would keep it, so both refuse it alike; JSON text
   * never contains it raw (it is written as the six characters {@code \u005Cu0000}).
   */
  private static void checkStorable(NewEvent event) {
    if (event.payloadJson().indexOf('\0') >= 0 || event.type().indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "event " + event.type() + " contains a raw NUL character; escape it in the JSON text");
    }
  }

  @Override
  public List<StoredEvent> readType(JobId job, String type) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(type, "type");
    return jdbc.withConnection(
        "read the " + type + " events of job " + job,
        connection -> type.equals(CHECKPOINT_TYPE)
            ? Jdbc.query(connection, READ_CHECKPOINTS, row -> event(job, row), job.value())
            : Jdbc.query(connection, READ_TYPE, row -> event(job, row), job.value(), type));
  }

  @Override
  public Optional<List<CheckpointHead>> readCheckpointHeads(JobId job) {
    Objects.requireNonNull(job, "job");
    Optional<String> query = jdbc.dialect().checkpointHeadsQuery();
    if (query.isEmpty()) {
      return Optional.empty();
    }
    // One row, whose column is NULL when the job has no checkpoints (or does not exist).
    String text =
        jdbc.withConnection(
            "read the checkpoints of job " + job,
            connection -> Jdbc.queryOne(connection, query.get(), row -> Objects.requireNonNullElse(row.getString(1), ""),
                job.value()))
            .orElse("");
    return Optional.of(text.isEmpty() ? List.of() : heads(job, text));
  }

  /** The lines of {@link Dialect#checkpointHeadsQuery}'s column. */
  static List<CheckpointHead> heads(JobId job, String text) {
    List<CheckpointHead> heads = new ArrayList<>();
    for (int line = 0; line <= text.length(); ) {
      int end = text.indexOf('\n', line);
      end = end < 0 ? text.length() : end;
      int a = text.indexOf(FIELD, line, end);
      int b = a < 0 ? -1 : text.indexOf(FIELD, a + 1, end);
      int c = b < 0 ? -1 : text.indexOf(FIELD, b + 1, end);
      if (c < 0 || text.indexOf(FIELD, c + 1, end) >= 0) {
        throw StoreException.corrupt(
            "the checkpoints of job " + job + " cannot be read back (a malformed line); restore the store"
                + " from a backup or remove the damaged job",
            Rows.details("job_id", job.value()));
      }
      heads.add(new CheckpointHead(
          Long.parseLong(text, line, a, 10), text.substring(a + 1, b), text.substring(b + 1, c),
          text.substring(c + 1, end)));
      line = end + 1;
    }
    return heads;
  }

  /** Separates the fields of a checkpoint head's line. */
  private static final char FIELD = '\u001f';

  @Override
  public List<StoredEvent> readTypes(JobId job, Set<String> types, long upToSeq) {
    Objects.requireNonNull(job, "job");
    if (types.isEmpty()) {
      return List.of();
    }
    List<String> sorted = types.stream().sorted().toList();
    String sql = "SELECT seq, created_at, type, payload FROM events WHERE job_id = ? AND seq <= ? AND type IN ("
        + String.join(", ", java.util.Collections.nCopies(sorted.size(), "?")) + ") ORDER BY seq";
    Object[] params = new Object[2 + sorted.size()];
    params[0] = job.value();
    params[1] = upToSeq;
    for (int i = 0; i < sorted.size(); i++) {
      params[2 + i] = sorted.get(i);
    }
    return jdbc.withConnection("read the " + String.join(", ", sorted) + " events of job " + job,
        connection -> Jdbc.query(connection, sql, row -> event(job, row), params));
  }

  /**
   * One event row; every event query selects {@code seq, created_at, type, payload} in this order.
   * Columns are read by position and the error details built only on failure: listings map
   * thousands of rows on a cold JVM, where a label lookup, a lambda and a map per row showed in
   * {@code checkpoint list}'s time (docs/performance.md, "Dispatch").
   */
  private static StoredEvent event(JobId job, java.sql.ResultSet row) throws java.sql.SQLException {
    long seq = row.getLong(1);
    try {
      if (row.wasNull()) {
        throw new IllegalStateException("column seq is null");
      }
      return new StoredEvent(job, seq, Rows.instant(row.getString(2)), row.getString(3), row.getString(4));
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Rows.corrupt("an event", Rows.details("job_id", job.value(), "seq", seq), e);
    }
  }

  @Override
  public List<StoredEvent> read(JobId job, long afterSeq) {
    Objects.requireNonNull(job, "job");
    List<StoredEvent> events =
        jdbc.withConnection(
            "read the ledger of job " + job,
            connection ->
                Jdbc.query(
                    connection,
                    READ,
                    row -> event(job, row),
                    job.value(),
                    afterSeq));
    checkContiguous(job, afterSeq, events);
    return events;
  }

  @Override
  public List<StoredEvent> readPage(JobId job, long afterSeq, int limit) {
    Objects.requireNonNull(job, "job");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    List<StoredEvent> events =
        jdbc.withConnection(
            "read the ledger of job " + job,
            connection -> Jdbc.query(connection, READ_PAGE, row -> event(job, row), job.value(), afterSeq, limit));
    checkContiguous(job, afterSeq, events);
    return events;
  }

  private static void checkContiguous(JobId job, long afterSeq, List<StoredEvent> events) {
    long expected = Math.max(afterSeq, 0) + 1;
    for (StoredEvent event : events) {
      if (event.seq() != expected) {
        throw StoreException.corrupt(
            "the ledger of job "
                + job
                + " has a gap: expected event "
                + expected
                + ", found "
                + event.seq()
                + "; restore the store from a backup",
            Rows.details(
                "job_id", job.value(), "expected_seq", expected, "found_seq", event.seq()));
      }
      expected++;
    }
  }

  @Override
  public long lastSeq(JobId job) {
    Objects.requireNonNull(job, "job");
    return jdbc.withConnection(
        "read the last sequence number of job " + job,
        connection -> lastSeq(connection, job));
  }

  private static long lastSeq(Connection connection, JobId job) throws SQLException {
    return Jdbc.queryOne(
            connection, LAST_SEQ, row -> Rows.requiredLong(row, "last_seq"), job.value())
        .orElse(0L);
  }
}
