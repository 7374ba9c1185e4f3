package org.tandem.errors;

import java.util.List;

/** The request collides with the resource's current state. */
public final class Conflict extends ApiError {
  public Conflict(String message) {
    super(message, List.of());
  }

  public Conflict(String message, List<Problem> details) {
    super(message, details);
  }

  @Override
  public String code() {
    return "conflict";
  }
}
