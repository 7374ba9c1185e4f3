package org.tandem.errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every problem with an input, then fails once with all of them. */
public final class Checks {
  private final List<ApiError.Problem> problems = new ArrayList<>();
  private final String prefix;

  private Checks(String prefix) {
    this.prefix = prefix;
  }

  public static Checks start() {
    return new Checks("");
  }

  /** Checks whose field names are nested under {@code prefix}, e.g. {@code mentee.email}. */
  public static Checks under(String prefix) {
    return new Checks(prefix.isEmpty() ? "" : prefix + ".");
  }

  public Checks problem(String field, String problem) {
    problems.add(new ApiError.Problem(prefix + field, problem));
    return this;
  }

  public boolean required(String field, Object value) {
    if (value == null) {
      problem(field, "is required");
      return false;
    }
    return true;
  }

  /** A required string that is not blank and at most {@code max} characters. */
  public Checks text(String field, String value, int max) {
    if (required(field, value)) {
      optionalText(field, value, max);
    }
    return this;
  }

  public Checks optionalText(String field, String value, int max) {
    if (value == null) {
      return this;
    }
    if (value.isBlank()) {
      problem(field, "must not be blank");
    } else if (value.length() > max) {
      problem(field, "must be at most " + max + " characters");
    }
    return this;
  }

  public Checks matches(String field, String value, Pattern pattern, String what) {
    if (value != null && !pattern.matcher(value).matches()) {
      problem(field, "must be " + what);
    }
    return this;
  }

  public Checks range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      problem(field, "must be between " + min + " and " + max);
    }
    return this;
  }

  public Checks oneOf(String field, String value, Collection<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      problem(field, "must be one of " + String.join(", ", allowed));
    }
    return this;
  }

  public Checks size(String field, Collection<?> value, int min, int max) {
    if (value != null && (value.size() < min || value.size() > max)) {
      problem(field, min == max ? "must have " + min + " items" : "must have between " + min + " and " + max + " items");
    }
    return this;
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** Merges the problems found by another set of checks. */
  public Checks addAll(Checks other) {
    problems.addAll(other.problems);
    return this;
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ValidationFailed(problems);
    }
  }
}
