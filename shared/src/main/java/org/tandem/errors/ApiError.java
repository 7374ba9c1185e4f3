package org.tandem.errors;

import java.util.List;
import java.util.Objects;

/**
 * The root of the one exception hierarchy. Each subclass carries its code; the HTTP status is
 * decided in one place, by the HTTP layer.
 */
public abstract class ApiError extends RuntimeException {
  private final List<Problem> details;

  protected ApiError(String message, List<Problem> details) {
    super(Objects.requireNonNull(message, "message == null"), null, false, false);
    this.details = List.copyOf(details);
  }

  /** The machine-readable code, e.g. {@code validation_failed}. */
  public abstract String code();

  public List<Problem> details() {
    return details;
  }

  /** One thing wrong with one field of the input. */
  public record Problem(String field, String problem) {
    public Problem {
      Objects.requireNonNull(field, "field == null");
      Objects.requireNonNull(problem, "problem == null");
    }
  }
}
