package org.tandem.errors;

import java.util.List;

/** A dependency could not answer in time; the request may be retried. */
public final class Unavailable extends ApiError {
  public Unavailable(String message) {
    super(message, List.of());
  }

  @Override
  public String code() {
    return "unavailable";
  }
}
