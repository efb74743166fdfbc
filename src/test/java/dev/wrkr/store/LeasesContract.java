package dev.wrkr.store;

import static dev.wrkr.store.Events.T0;
import static dev.wrkr.store.Events.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.job.JobId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The leases part of {@link StoreContract}: acquisition, re-entry, heartbeats, fencing. */
interface LeasesContract extends StoreFixture {
  Duration TTL = Duration.ofSeconds(30);
  WorkerId ANN = new WorkerId("worker-ann");
  WorkerId BOB = new WorkerId("worker-bob");

  private Lease acquired(WorkerId worker, Instant now) {
    LeaseResult result = store().leases().acquire(aJob(), worker, now, TTL);
    assertThat(result).isInstanceOf(LeaseResult.Acquired.class);
    return ((LeaseResult.Acquired) result).lease();
  }

  @Test
  default void acquiring_a_free_lease_should_give_epoch_1_until_now_plus_ttl() {
    Lease lease = acquired(ANN, T0);

    assertThat(lease.jobId()).isEqualTo(aJob());
    assertThat(lease.worker()).isEqualTo(ANN);
    assertThat(lease.epoch()).isEqualTo(1);
    assertThat(lease.acquiredAt()).isEqualTo(T0);
    assertThat(lease.heartbeatAt()).isEqualTo(T0);
    assertThat(lease.expiresAt()).isEqualTo(T0.plus(TTL));
    assertThat(store().leases().current(aJob())).contains(lease);
  }

  @Test
  default void acquiring_a_lease_held_by_another_worker_should_report_the_holder() {
    Lease ann = acquired(ANN, T0);

    assertThat(store().leases().acquire(aJob(), BOB, T0.plusSeconds(29), TTL))
        .isEqualTo(new LeaseResult.Held(ann));
    assertThat(store().leases().current(aJob())).contains(ann);
  }

  @Test
  default void reacquiring_by_the_holder_should_renew_and_keep_lease_id_and_epoch() {
    Lease first = acquired(ANN, T0);

    Lease again = acquired(ANN, T0.plusSeconds(10));

    assertThat(again.leaseId()).isEqualTo(first.leaseId());
    assertThat(again.epoch()).isEqualTo(first.epoch());
    assertThat(again.acquiredAt()).isEqualTo(T0);
    assertThat(again.heartbeatAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(again.expiresAt()).isEqualTo(T0.plusSeconds(10).plus(TTL));
  }

  @Test
  default void heartbeat_should_extend_the_current_lease() {
    Lease lease = acquired(ANN, T0);

    Lease beaten =
        store().leases().heartbeat(lease, T0.plusSeconds(20), TTL).orElseThrow();

    assertThat(beaten.leaseId()).isEqualTo(lease.leaseId());
    assertThat(beaten.epoch()).isEqualTo(lease.epoch());
    assertThat(beaten.heartbeatAt()).isEqualTo(T0.plusSeconds(20));
    assertThat(beaten.expiresAt()).isEqualTo(T0.plusSeconds(50));
    assertThat(store().leases().acquire(aJob(), BOB, T0.plusSeconds(40), TTL))
        .isInstanceOf(LeaseResult.Held.class);
  }

  @Test
  default void an_expired_lease_should_be_taken_over_with_a_new_id_and_a_larger_epoch() {
    Lease ann = acquired(ANN, T0);

    Lease bob = acquired(BOB, ann.expiresAt());

    assertThat(bob.worker()).isEqualTo(BOB);
    assertThat(bob.leaseId()).isNotEqualTo(ann.leaseId());
    assertThat(bob.epoch()).isEqualTo(2);
    assertThat(bob.acquiredAt()).isEqualTo(ann.expiresAt());
    assertThat(store().leases().current(aJob())).contains(bob);
  }

  @Test
  default void the_holder_coming_back_after_expiry_should_get_a_new_lease() {
    Lease first = acquired(ANN, T0);

    Lease second = acquired(ANN, first.expiresAt().plusSeconds(1));

    assertThat(second.leaseId()).isNotEqualTo(first.leaseId());
    assertThat(second.epoch()).isEqualTo(2);
  }

  @Test
  default void heartbeat_after_a_takeover_should_be_empty_and_change_nothing() {
    Lease ann = acquired(ANN, T0);
    Lease bob = acquired(BOB, T0.plusSeconds(31));

    assertThat(store().leases().heartbeat(ann, T0.plusSeconds(32), TTL)).isEmpty();
    assertThat(store().leases().current(aJob())).contains(bob);
  }

  @Test
  default void release_should_end_the_lease_and_the_next_epoch_should_be_larger() {
    Lease ann = acquired(ANN, T0);

    assertThat(store().leases().release(ann)).isTrue();
    assertThat(store().leases().current(aJob())).isEmpty();
    assertThat(store().leases().heartbeat(ann, T0.plusSeconds(1), TTL)).isEmpty();

    Lease bob = acquired(BOB, T0.plusSeconds(1));
    assertThat(bob.epoch()).isEqualTo(2);
    assertThat(store().leases().release(bob)).isTrue();
    Lease annAgain = acquired(ANN, T0.plusSeconds(2));
    assertThat(annAgain.epoch()).isEqualTo(3);
    assertThat(annAgain.leaseId()).isNotEqualTo(ann.leaseId());
  }

  @Test
  default void releasing_a_stale_lease_should_return_false_and_change_nothing() {
    Lease ann = acquired(ANN, T0);
    Lease bob = acquired(BOB, T0.plusSeconds(31));

    assertThat(store().leases().release(ann)).isFalse();
    assertThat(store().leases().current(aJob())).contains(bob);
    assertThat(store().leases().release(bob)).isTrue();
    assertThat(store().leases().release(bob)).isFalse();
  }

  @Test
  default void the_current_lease_should_be_reported_even_when_expired() {
    Lease ann = acquired(ANN, T0);

    assertThat(store().leases().current(aJob())).contains(ann);
    assertThat(ann.expiredAt(T0.plus(TTL))).isTrue();
    assertThat(store().leases().current(JobId.of("never-leased"))).isEmpty();
  }

  @Test
  default void leases_of_different_jobs_should_be_independent() {
    acquired(ANN, T0);

    assertThat(store().leases().acquire(JobId.of("other"), BOB, T0, TTL))
        .isInstanceOf(LeaseResult.Acquired.class);
  }
}
