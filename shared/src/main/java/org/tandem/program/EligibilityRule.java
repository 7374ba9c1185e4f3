package org.tandem.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** One condition a participant must meet, e.g. {@code {"field": "clbLevel", "op": "gte", "value": 5}}. */
public record EligibilityRule(String field, String op, JsonNode value) {
  public EligibilityRule {
    Objects.requireNonNull(field, "field == null");
    Objects.requireNonNull(op, "op == null");
    Objects.requireNonNull(value, "value == null");
  }

  /** How a failed rule is shown to a coordinator: {@code gte 5}, {@code in [ON, QC]}. */
  public String describe() {
    if (value.isArray()) {
      StringBuilder out = new StringBuilder(op).append(" [");
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(value.get(i).asText());
      }
      return out.append(']').toString();
    }
    return op + " " + value.asText();
  }
}
