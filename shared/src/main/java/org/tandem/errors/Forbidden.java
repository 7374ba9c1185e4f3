package org.tandem.errors;

import java.util.List;

/** A known credential whose role may not do this. */
public final class Forbidden extends ApiError {
  public Forbidden(String message) {
    super(message, List.of());
  }

  @Override
  public String code() {
    return "forbidden";
  }
}
