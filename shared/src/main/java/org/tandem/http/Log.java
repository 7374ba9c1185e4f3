package org.tandem.http;

import java.time.Instant;

/** One JSON line per event on standard error, which Lambda sends to CloudWatch Logs. */
public final class Log {
  private Log() {}

  public static void error(String message, ApiEvent event, Throwable cause) {
    StringBuilder trace = new StringBuilder();
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      trace.append(t == cause ? "" : "caused by: ").append(t).append('\n');
      for (StackTraceElement frame : t.getStackTrace()) {
        trace.append("\tat ").append(frame).append('\n');
      }
    }
    String requestId = event != null && event.requestContext() != null ? event.requestContext().requestId() : null;
    String route = event != null && event.requestContext() != null && event.requestContext().http() != null
        ? event.requestContext().http().method() + " " + event.rawPath()
        : null;
    System.err.println("{\"level\":\"ERROR\",\"time\":\"" + Instant.now()
        + "\",\"message\":" + quote(message)
        + ",\"requestId\":" + quote(requestId)
        + ",\"route\":" + quote(route)
        + ",\"error\":" + quote(cause.toString())
        + ",\"trace\":" + quote(trace.toString()) + "}");
  }

  public static void info(String message) {
    System.err.println("{\"level\":\"INFO\",\"time\":\"" + Instant.now() + "\",\"message\":" + quote(message) + "}");
  }

  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
