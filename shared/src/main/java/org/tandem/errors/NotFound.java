package org.tandem.errors;

import java.util.List;

/** The resource does not exist, or belongs to another tenant: the two are never told apart. */
public final class NotFound extends ApiError {
  public NotFound(String message) {
    super(message, List.of());
  }

  @Override
  public String code() {
    return "not_found";
  }
}
