package org.tandem.errors;

import java.util.List;

/** The input is not acceptable; every problem names its field. */
public final class ValidationFailed extends ApiError {
  public ValidationFailed(List<Problem> problems) {
    super(summary(problems), problems);
  }

  public static ValidationFailed of(String field, String problem) {
    return new ValidationFailed(List.of(new Problem(field, problem)));
  }

  private static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems is empty");
    }
    Problem first = problems.get(0);
    String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
    return first.field() + " " + first.problem() + more;
  }

  @Override
  public String code() {
    return "validation_failed";
  }
}
