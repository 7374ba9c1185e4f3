package org.tandem.errors;

import java.util.List;

/** The body is not JSON. */
public final class UnsupportedMediaType extends ApiError {
  public UnsupportedMediaType(String message) {
    super(message, List.of(new Problem("Content-Type", "must be application/json (charset utf-8, if any)")));
  }

  @Override
  public String code() {
    return "unsupported_media_type";
  }
}
