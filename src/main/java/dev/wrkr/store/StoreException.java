package dev.wrkr.store;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.Map;

/**
 * The store failed: {@link ReasonCode#E_STORE_UNAVAILABLE} when it cannot be opened, reached or
 * migrated; {@link ReasonCode#E_STORE_CORRUPT} when it holds something that cannot be read back.
 */
public final class StoreException extends WrkrException {
  public StoreException(ReasonCode code, String message, Map<String, ?> details, Throwable cause) {
    super(code, message, details, cause);
  }

  public static StoreException unavailable(String message, Map<String, ?> details, Throwable cause) {
    return new StoreException(ReasonCode.E_STORE_UNAVAILABLE, message, details, cause);
  }

  public static StoreException corrupt(String message, Map<String, ?> details) {
    return new StoreException(ReasonCode.E_STORE_CORRUPT, message, details, null);
  }
}
