package org.tandem.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.Map;
import org.tandem.errors.ValidationFailed;

/** Turns Jackson's complaints into problems that name the field in the client's terms. */
public final class JsonProblems {
  private JsonProblems() {}

  public static ValidationFailed toValidation(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      if (e instanceof UnrecognizedPropertyException) {
        return ValidationFailed.of(field, "is not a known field");
      }
      if (e instanceof InvalidFormatException format) {
        return ValidationFailed.of(field, "must be " + describe(format.getTargetType()));
      }
      if (e instanceof ValueInstantiationException) {
        Throwable cause = e.getCause();
        String message = cause == null ? null : cause.getMessage();
        if (cause instanceof NullPointerException && message != null && message.endsWith(" == null")) {
          // A record's fail-fast check names the missing part: "field == null".
          return ValidationFailed.of(field + "." + message.substring(0, message.length() - 8), "is required");
        }
        return ValidationFailed.of(field, cause instanceof IllegalArgumentException && message != null
            ? message
            : "is not valid");
      }
      if (e instanceof MismatchedInputException mismatched) {
        return ValidationFailed.of(field, "must be " + describe(mismatched.getTargetType()));
      }
      return ValidationFailed.of(field, "is not valid");
    }
    String where = e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    String what = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
    int cut = what.indexOf('\n');
    if (cut > 0) {
      what = what.substring(0, cut);
    }
    return ValidationFailed.of("body", "is not valid JSON" + where + ": " + what);
  }

  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "body" : out.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    if (type.isEnum()) {
      return "one of its allowed values";
    }
    return "a " + type.getSimpleName();
  }
}
