package org.tandem.dynamo;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Counter items that reports read, moved in the same transaction as the write that changes them. */
public final class Counters {
  /** The item counting participants by kind and status: attributes such as {@code mentee_ready}. */
  public static final String PARTICIPANTS = "participants";
  /** The item counting matches by status now: {@code match_active}. */
  public static final String MATCHES = "matches";
  /** The item counting goals by status now: {@code goal_achieved}. */
  public static final String GOALS = "goals";
  /** The prefix of the month items, which count what happened in a month: {@code month#2026-11}. */
  public static final String MONTH_PREFIX = "month#";

  private Counters() {}

  /** A transaction item adding each delta to its counter (counters start at zero). */
  public static TransactWriteItem add(String table, TenantScope tenant, String counterItem, Map<String, Long> deltas) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringJoiner expression = new StringJoiner(", ", "ADD ", "");
    int i = 0;
    for (Map.Entry<String, Long> delta : deltas.entrySet()) {
      names.put("#c" + i, delta.getKey());
      values.put(":c" + i, AttributeValue.fromN(Long.toString(delta.getValue())));
      expression.add("#c" + i + " :c" + i);
      i++;
    }
    return TransactWriteItem.builder().update(u -> u.tableName(table)
        .key(DynamoStore.key(DataKeys.counters(tenant), counterItem))
        .updateExpression(expression.toString())
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)).build();
  }

  /** The item counting what happened in the month of {@code date}. */
  public static String month(java.time.LocalDate date) {
    return MONTH_PREFIX + java.time.YearMonth.from(date);
  }

  /** The counter name for participants of a kind in a status, e.g. {@code mentee_ready}. */
  public static String participant(String kind, String status) {
    return kind + "_" + status;
  }

  // The month items' counters: what happened in the month, by the day it happened on.

  public static final String MATCHES_PROPOSED = "matches_proposed";
  public static final String MATCHES_STARTED = "matches_started";
  public static final String MATCHES_DECLINED = "matches_declined";
  public static final String MATCHES_WITHDRAWN = "matches_withdrawn";
  public static final String MATCHES_CLOSED = "matches_closed";
  public static final String MEETINGS = "meetings";
  public static final String MEETING_MINUTES = "meeting_minutes";
  public static final String GOALS_SET = "goals_set";
  /** Employments reported, once per match; their days from match start are in the histogram. */
  public static final String EMPLOYMENTS = "employments";
  /** Days from match start to employment beyond this are counted in this last bucket. */
  public static final int EMPLOYMENT_DAYS_CAP = 1095;

  /** A match's status now, in the {@link #MATCHES} item. */
  public static String matchState(String status) {
    return "match_" + status;
  }

  public static String matchesStarted(String format) {
    return MATCHES_STARTED + "_" + format;
  }

  public static String matchesClosed(String reason) {
    return MATCHES_CLOSED + "_" + reason;
  }

  public static String meetingsBy(String mode) {
    return MEETINGS + "_" + mode;
  }

  /** Check-ins and evaluations answered by one side. */
  public static String checkins(String respondent) {
    return "checkins_" + respondent;
  }

  public static String checkinsAt(String respondent, int satisfaction) {
    return checkins(respondent) + "_satisfaction_" + satisfaction;
  }

  /** Answers of 4 or 5 of 5. */
  public static String checkinsSatisfied(String respondent) {
    return checkins(respondent) + "_satisfied";
  }

  public static String checkinsOnTrack(String respondent) {
    return checkins(respondent) + "_on_track";
  }

  public static String evaluations(String respondent) {
    return "evaluations_" + respondent;
  }

  /** A goal's status now, in the {@link #GOALS} item. */
  public static String goalState(String status) {
    return "goal_" + status;
  }

  /** Goals that reached {@code achieved} or {@code dropped} in the month. */
  public static String goalsReached(String status) {
    return "goals_" + status;
  }

  /** Outcomes at a checkpoint in a status, in the month the checkpoint falls in. */
  public static String outcomes(String checkpoint, String status) {
    return "outcomes_" + checkpoint + "_" + status;
  }

  public static String outcomes(String checkpoint) {
    return "outcomes_" + checkpoint;
  }

  /** The histogram bucket of days from match start to employment, in the month of employment. */
  public static String employmentDays(long days) {
    return "employment_days_" + Math.max(0, Math.min(days, EMPLOYMENT_DAYS_CAP));
  }

  /** Follow-ups of a kind ({@code checkin}, {@code outcome}) that came due in the month. */
  public static String followUpsDue(String kind) {
    return "followups_due_" + kind;
  }
}
