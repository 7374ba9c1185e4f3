package org.tandem.http;

import java.util.regex.Pattern;
import org.tandem.errors.ValidationFailed;

/** {@code ?limit=} (1-100, default 25) and the opaque {@code ?cursor=} of a list request. */
public record PageRequest(int limit, String cursor) {
  public static final int DEFAULT_LIMIT = 25;
  public static final int MAX_LIMIT = 100;
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,2048}");

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(limit, null);
  }

  /** Reads {@code limit} and {@code cursor} from the query, answering 400 for bad values. */
  public static PageRequest from(ApiRequest request) {
    return from(request, DEFAULT_LIMIT, MAX_LIMIT);
  }

  public static PageRequest from(ApiRequest request, int defaultLimit, int maxLimit) {
    int limit = request.query("limit").map(raw -> parseLimit(raw, maxLimit)).orElse(defaultLimit);
    String cursor = request.query("cursor").orElse(null);
    if (cursor != null && !CURSOR.matcher(cursor).matches()) {
      throw ValidationFailed.of("cursor", "is not a cursor this API gave out");
    }
    return new PageRequest(limit, cursor);
  }

  private static int parseLimit(String raw, int max) {
    try {
      int value = Integer.parseInt(raw);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, with the field named
    }
    throw ValidationFailed.of("limit", "must be a whole number between 1 and " + max);
  }
}
