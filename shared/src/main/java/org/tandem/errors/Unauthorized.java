package org.tandem.errors;

import java.util.List;

/** No credential, or one that is unknown, revoked or suspended. */
public final class Unauthorized extends ApiError {
  public Unauthorized(String message) {
    super(message, List.of());
  }

  @Override
  public String code() {
    return "unauthorized";
  }
}
