package org.tandem.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.tandem.errors.ApiError;
import org.tandem.errors.Conflict;
import org.tandem.errors.Forbidden;
import org.tandem.errors.NotFound;
import org.tandem.errors.PayloadTooLarge;
import org.tandem.errors.PreconditionFailed;
import org.tandem.errors.Unauthorized;
import org.tandem.errors.Unavailable;
import org.tandem.errors.UnsupportedMediaType;
import org.tandem.errors.ValidationFailed;

/** The one place where errors become HTTP statuses and bodies. */
public final class ErrorResponses {
  private ErrorResponses() {}

  /** {@code {"error": {"code", "message", "details"}}}. */
  public record Body(Error error) {}

  public record Error(String code, String message, List<ApiError.Problem> details) {}

  public static int status(ApiError e) {
    if (e instanceof ValidationFailed) {
      return 400;
    } else if (e instanceof Unauthorized) {
      return 401;
    } else if (e instanceof Forbidden) {
      return 403;
    } else if (e instanceof NotFound) {
      return 404;
    } else if (e instanceof MethodNotAllowed) {
      return 405;
    } else if (e instanceof Conflict) {
      return 409;
    } else if (e instanceof PreconditionFailed) {
      return 412;
    } else if (e instanceof PayloadTooLarge) {
      return 413;
    } else if (e instanceof UnsupportedMediaType) {
      return 415;
    } else if (e instanceof Unavailable) {
      return 503;
    }
    throw new IllegalArgumentException("no status for " + e.getClass().getName());
  }

  public static ApiResponse of(ApiError e, ObjectMapper mapper) {
    ApiResponse response = write(status(e), new Body(new Error(e.code(), e.getMessage(), e.details())), mapper);
    if (e instanceof MethodNotAllowed notAllowed) {
      response = response.withHeader("allow", String.join(", ", notAllowed.allowed()));
    }
    if (e instanceof Unauthorized) {
      response = response.withHeader("www-authenticate", "Bearer");
    }
    return response;
  }

  public static ApiResponse internal(ObjectMapper mapper) {
    return write(500, new Body(new Error("internal", "something went wrong on our side", List.of())), mapper);
  }

  private static ApiResponse write(int status, Body body, ObjectMapper mapper) {
    try {
      return new ApiResponse(status, Map.of("content-type", ApiResponse.JSON), mapper.writeValueAsString(body), false);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body could not be written", e);
    }
  }
}
