package org.tandem.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tandem.errors.Checks;

/**
 * The eligibility rule language: which fields a rule may test for mentees and for mentors, what
 * each operator means, and the evaluation that answers every failed rule as a reason.
 */
public final class Eligibility {
  /** The kind of value a field holds, which decides the operators and values a rule may use. */
  public enum FieldType { NUMBER, BOOLEAN, TEXT, TEXT_LIST }

  public static final Set<String> OPS = Set.of("eq", "ne", "gte", "lte", "in");

  public static final Map<String, FieldType> MENTEE_FIELDS = Map.of(
      "clbLevel", FieldType.NUMBER,
      "immigrationStatus", FieldType.TEXT,
      "province", FieldType.TEXT,
      "city", FieldType.TEXT,
      "internationallyEducated", FieldType.BOOLEAN,
      "jobSearchWorkshopCompleted", FieldType.BOOLEAN,
      "nocCode", FieldType.TEXT,
      "naicsCode", FieldType.TEXT,
      "languages", FieldType.TEXT_LIST,
      "preferredLanguage", FieldType.TEXT);

  public static final Map<String, FieldType> MENTOR_FIELDS = Map.of(
      "yearsCanadianExperience", FieldType.NUMBER,
      "capacity", FieldType.NUMBER,
      "province", FieldType.TEXT,
      "city", FieldType.TEXT,
      "corporatePartner", FieldType.BOOLEAN,
      "nocCode", FieldType.TEXT,
      "naicsCode", FieldType.TEXT,
      "languages", FieldType.TEXT_LIST,
      "preferredLanguage", FieldType.TEXT);

  private Eligibility() {}

  /** A rule that failed, with what the participant actually has. */
  public record Reason(String field, String rule, Object actual) {}

  /** The outcome of screening. */
  public record Result(boolean eligible, List<Reason> reasons) {
    public Result {
      reasons = List.copyOf(reasons);
    }
  }

  /** Checks a rule list against a participant type's fields; problems are named {@code <list>[i].<part>}. */
  public static void check(Checks checks, String list, List<EligibilityRule> rules, Map<String, FieldType> fields) {
    if (rules.size() > 50) {
      checks.problem(list, "must have at most 50 rules");
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      String at = list + "[" + i + "]";
      EligibilityRule rule = rules.get(i);
      if (rule == null) {
        checks.problem(at, "must be a rule");
        continue;
      }
      FieldType type = fields.get(rule.field());
      if (type == null) {
        checks.problem(at + ".field", "must be one of " + String.join(", ", new java.util.TreeSet<>(fields.keySet())));
        continue;
      }
      if (!OPS.contains(rule.op())) {
        checks.problem(at + ".op", "must be one of eq, ne, gte, lte, in");
        continue;
      }
      String problem = valueProblem(type, rule.op(), rule.value());
      if (problem != null) {
        checks.problem(at + ".value", problem);
      }
    }
  }

  private static String valueProblem(FieldType type, String op, JsonNode value) {
    if (op.equals("gte") || op.equals("lte")) {
      return type == FieldType.NUMBER && value.isNumber() ? null : "gte and lte need a number field and a number";
    }
    if (op.equals("in")) {
      if (!value.isArray() || value.isEmpty() || value.size() > 100) {
        return "must be an array of 1 to 100 values";
      }
      for (JsonNode element : value) {
        if (!scalarFits(type, element)) {
          return "must hold only " + pluralName(type);
        }
      }
      return null;
    }
    return scalarFits(type, value) ? null : "must be " + scalarName(type);
  }

  private static boolean scalarFits(FieldType type, JsonNode value) {
    return switch (type) {
      case NUMBER -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case TEXT, TEXT_LIST -> value.isTextual() && value.textValue().length() <= 200;
    };
  }

  private static String pluralName(FieldType type) {
    return switch (type) {
      case NUMBER -> "numbers";
      case BOOLEAN -> "true or false";
      case TEXT, TEXT_LIST -> "strings of at most 200 characters";
    };
  }

  private static String scalarName(FieldType type) {
    return switch (type) {
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case TEXT, TEXT_LIST -> "a string of at most 200 characters";
    };
  }

  /** Applies every rule to the participant's facts; each failed rule is a reason. */
  public static Result evaluate(List<EligibilityRule> rules, Map<String, Object> facts) {
    List<Reason> reasons = new ArrayList<>();
    for (EligibilityRule rule : rules) {
      Object actual = facts.get(rule.field());
      if (!holds(rule, actual)) {
        reasons.add(new Reason(rule.field(), rule.describe(), actual));
      }
    }
    return new Result(reasons.isEmpty(), reasons);
  }

  static boolean holds(EligibilityRule rule, Object actual) {
    if (actual == null) {
      return false;
    }
    JsonNode value = rule.value();
    if (actual instanceof Collection<?> list) {
      return switch (rule.op()) {
        case "eq" -> list.stream().anyMatch(element -> same(element, value));
        case "ne" -> list.stream().noneMatch(element -> same(element, value));
        case "in" -> list.stream().anyMatch(element -> anySame(element, value));
        default -> false;
      };
    }
    return switch (rule.op()) {
      case "eq" -> same(actual, value);
      case "ne" -> !same(actual, value);
      case "in" -> anySame(actual, value);
      case "gte" -> actual instanceof Number n && n.doubleValue() >= value.doubleValue();
      case "lte" -> actual instanceof Number n && n.doubleValue() <= value.doubleValue();
      default -> false;
    };
  }

  private static boolean anySame(Object actual, JsonNode values) {
    for (JsonNode value : values) {
      if (same(actual, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(Object actual, JsonNode value) {
    if (actual instanceof Number n) {
      return value.isNumber() && n.doubleValue() == value.doubleValue();
    }
    if (actual instanceof Boolean b) {
      return value.isBoolean() && b == value.booleanValue();
    }
    return value.isTextual() && actual.toString().equals(value.textValue());
  }
}
