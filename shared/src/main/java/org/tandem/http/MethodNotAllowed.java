package org.tandem.http;

import java.util.List;
import org.tandem.errors.ApiError;

/** The path exists but not with this method. */
final class MethodNotAllowed extends ApiError {
  private final List<String> allowed;

  MethodNotAllowed(String method, List<String> allowed) {
    super(method + " is not allowed here; allowed: " + String.join(", ", allowed), List.of());
    this.allowed = List.copyOf(allowed);
  }

  List<String> allowed() {
    return allowed;
  }

  @Override
  public String code() {
    return "method_not_allowed";
  }
}
