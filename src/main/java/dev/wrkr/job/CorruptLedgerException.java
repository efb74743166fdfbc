package dev.wrkr.job;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.Map;

/**
 * The ledger holds something that cannot be read back or replayed: an unknown event type, an
 * undecodable payload, a gap in sequence numbers, a status change the table forbids. Reading
 * fails closed with {@link ReasonCode#E_STORE_CORRUPT}; nothing is repaired silently.
 */
public final class CorruptLedgerException extends WrkrException {
  public CorruptLedgerException(String message, Map<String, ?> details) {
    super(ReasonCode.E_STORE_CORRUPT, message, details);
  }

  public CorruptLedgerException(String message, Map<String, ?> details, Throwable cause) {
    super(ReasonCode.E_STORE_CORRUPT, message, details, cause);
  }
}
