/**
 * {@code wrkr doctor}: read-only checks of the store, schemas, signing key, leases, retention and
 * unsafe settings, each with a remediation when it fails. Nothing here writes anything.
 */
package dev.wrkr.doctor;
