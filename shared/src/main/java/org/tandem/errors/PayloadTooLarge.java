package org.tandem.errors;

import java.util.List;

/** The body is larger than the API accepts. */
public final class PayloadTooLarge extends ApiError {
  public PayloadTooLarge(String message) {
    super(message, List.of(new Problem("body", "is larger than the API accepts")));
  }

  @Override
  public String code() {
    return "payload_too_large";
  }
}
