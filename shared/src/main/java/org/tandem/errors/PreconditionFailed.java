package org.tandem.errors;

import java.util.List;

/** The If-Match version is not the resource's current version. */
public final class PreconditionFailed extends ApiError {
  public PreconditionFailed(String message) {
    super(message, List.of());
  }

  @Override
  public String code() {
    return "precondition_failed";
  }
}
