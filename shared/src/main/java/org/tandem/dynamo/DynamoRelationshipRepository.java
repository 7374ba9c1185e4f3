package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.matching.Match;
import org.tandem.matching.MatchStatus;
import org.tandem.relationships.Checkin;
import org.tandem.relationships.FollowUp;
import org.tandem.relationships.Goal;
import org.tandem.relationships.Meeting;
import org.tandem.relationships.RelationshipRepository;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Goals, meetings and check-ins in the tenant's data table, a partition per match and kind
 * ({@code <tenant>#MATCH#<matchId>#GOAL}), ids as sort keys so they list in the order made.
 * The match's progress attributes move by {@code ADD}, so two meetings recorded at once both
 * count; the match's version moves too, so a closure that read it before must read again.
 */
public final class DynamoRelationshipRepository implements RelationshipRepository {
  private static final String GOAL = "GOAL";
  private static final String MEETING = "MEETING";
  private static final String CHECKIN = "CHECKIN";

  private final DynamoStore store;
  private final DynamoFollowUpRepository followUps;

  @Inject
  public DynamoRelationshipRepository(DynamoStore store, DynamoFollowUpRepository followUps) {
    this.store = store;
    this.followUps = followUps;
  }

  private TransactWriteItem create(String table, TenantScope tenant, String matchId, String kind, String id,
      Object record) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(record));
    item.putAll(DynamoStore.key(DataKeys.ofMatch(tenant, matchId, kind), id));
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
        .conditionExpression("attribute_not_exists(pk)")).build();
  }

  /**
   * Moves the match's progress while it is in one of {@code statuses}: {@code adds} are added,
   * {@code sets} replaced; the version moves on.
   */
  private static TransactWriteItem progress(String table, TenantScope tenant, Match match, Map<String, Long> adds,
      Map<String, String> sets, Instant now, MatchStatus... statuses) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#s", "status");
    List<String> allowed = new ArrayList<>();
    for (int i = 0; i < statuses.length; i++) {
      values.put(":s" + i, AttributeValue.fromS(statuses[i].wireName()));
      allowed.add(":s" + i);
    }
    StringBuilder set = new StringBuilder("SET updatedAt = :now");
    values.put(":now", AttributeValue.fromS(now.toString()));
    int i = 0;
    for (Map.Entry<String, String> e : sets.entrySet()) {
      names.put("#set" + i, e.getKey());
      values.put(":set" + i, AttributeValue.fromS(e.getValue()));
      set.append(", #set").append(i).append(" = :set").append(i);
      i++;
    }
    StringBuilder add = new StringBuilder(" ADD version :one");
    values.put(":one", AttributeValue.fromN("1"));
    i = 0;
    for (Map.Entry<String, Long> e : adds.entrySet()) {
      if (e.getValue() != 0) {
        names.put("#add" + i, e.getKey());
        values.put(":add" + i, AttributeValue.fromN(Long.toString(e.getValue())));
        add.append(", #add").append(i).append(" :add").append(i);
        i++;
      }
    }
    String inStatus = "#s IN (" + String.join(", ", allowed) + ")";
    boolean movesLastCheckin = sets.containsKey("lastCheckinAt");
    if (movesLastCheckin) {
      values.put(":nul", AttributeValue.fromS("NULL"));
    }
    // A later check-in may have landed meanwhile: the last one is never moved back.
    String condition = movesLastCheckin
        ? inStatus + " AND (attribute_not_exists(#set0) OR attribute_type(#set0, :nul) OR #set0 <= :set0)"
        : inStatus;
    String update = set.toString() + add;
    return TransactWriteItem.builder().update(u -> u.tableName(table)
        .key(DynamoStore.key(DataKeys.collection(tenant, "MATCH"), match.id()))
        .updateExpression(update)
        .conditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)).build();
  }

  private static Outcome outcome(int failed) {
    return switch (failed) {
      case -1 -> Outcome.DONE;
      case 0 -> Outcome.RECORD_CHANGED;
      default -> Outcome.MATCH_NOT_OPEN;
    };
  }

  @Override
  public Outcome addGoal(TenantScope tenant, Match match, Goal goal) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(create(table, tenant, match.id(), GOAL, goal.id(), goal));
    items.add(progress(table, tenant, match, Map.of("goalsTotal", 1L), Map.of(), goal.createdAt(),
        MatchStatus.ACTIVE));
    items.addAll(Tally.start()
        .add(Counters.GOALS, Counters.goalState(goal.status()), 1)
        .month(goal.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(), Counters.GOALS_SET, 1)
        .items(table, tenant));
    return outcome(store.transact(items));
  }

  @Override
  public Optional<Goal> findGoal(TenantScope tenant, String matchId, String goalId) {
    return store.get(store.tables().data(tenant), DataKeys.ofMatch(tenant, matchId, GOAL), goalId, Goal.class);
  }

  @Override
  public Page<Goal> goals(TenantScope tenant, String matchId, PageRequest page) {
    return store.page(store.tables().data(tenant), null, DataKeys.ofMatch(tenant, matchId, GOAL), page, false,
        item -> store.codec().fromItem(item, Goal.class));
  }

  @Override
  public Outcome changeGoal(TenantScope tenant, Match match, Goal before, Goal after) {
    String table = store.tables().data(tenant);
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(after));
    item.putAll(DynamoStore.key(DataKeys.ofMatch(tenant, match.id(), GOAL), after.id()));
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
        .conditionExpression("version = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(before.version())))))
        .build());
    long achieved = (after.status().equals("achieved") ? 1 : 0) - (before.status().equals("achieved") ? 1 : 0);
    long counted = (after.counts() ? 1 : 0) - (before.counts() ? 1 : 0);
    items.add(progress(table, tenant, match, Map.of("goalsAchieved", achieved, "goalsTotal", counted), Map.of(),
        after.updatedAt(), MatchStatus.ACTIVE));
    Tally tally = Tally.start();
    if (!before.status().equals(after.status())) {
      tally.move(Counters.GOALS, Counters.goalState(before.status()), Counters.goalState(after.status()));
      java.time.LocalDate today = after.updatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
      for (String reached : List.of("achieved", "dropped")) {
        if (after.status().equals(reached)) {
          tally.month(reached.equals("achieved") ? after.achievedOn() : today, Counters.goalsReached(reached), 1);
        }
        if (before.status().equals(reached)) {
          // Undone in the month it was reached in, so the months keep adding up.
          java.time.LocalDate then = reached.equals("achieved") && before.achievedOn() != null
              ? before.achievedOn()
              : before.updatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
          tally.month(then, Counters.goalsReached(reached), -1);
        }
      }
    }
    items.addAll(tally.items(table, tenant));
    return outcome(store.transact(items));
  }

  @Override
  public Outcome addMeeting(TenantScope tenant, Match match, Meeting meeting) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(create(table, tenant, match.id(), MEETING, meeting.id(), meeting));
    items.add(progress(table, tenant, match, Map.of("meetings", 1L, "minutesMet", (long) meeting.minutes()),
        Map.of(), meeting.createdAt(), MatchStatus.ACTIVE));
    items.addAll(Tally.start()
        .month(meeting.date(), Counters.MEETINGS, 1)
        .month(meeting.date(), Counters.MEETING_MINUTES, meeting.minutes())
        .month(meeting.date(), Counters.meetingsBy(meeting.mode()), 1)
        .items(table, tenant));
    return outcome(store.transact(items));
  }

  @Override
  public Page<Meeting> meetings(TenantScope tenant, String matchId, PageRequest page) {
    return store.page(store.tables().data(tenant), null, DataKeys.ofMatch(tenant, matchId, MEETING), page, false,
        item -> store.codec().fromItem(item, Meeting.class));
  }

  @Override
  public Outcome addCheckin(TenantScope tenant, Match match, Checkin checkin, Instant lastCheckinAt, FollowUp next) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(create(table, tenant, match.id(), CHECKIN, checkin.id(), checkin));
    MatchStatus[] open = checkin.kind().equals("evaluation")
        ? new MatchStatus[] {MatchStatus.ACTIVE, MatchStatus.CLOSED}
        : new MatchStatus[] {MatchStatus.ACTIVE};
    items.add(progress(table, tenant, match, Map.of(),
        lastCheckinAt == null ? Map.of() : Map.of("lastCheckinAt", lastCheckinAt.toString()), checkin.createdAt(),
        open));
    String respondent = checkin.respondent();
    Tally tally = Tally.start()
        .month(checkin.date(), Counters.checkins(respondent), 1)
        .month(checkin.date(), Counters.checkinsAt(respondent, checkin.satisfaction()), 1)
        .month(checkin.date(), Counters.checkinsSatisfied(respondent), checkin.satisfied() ? 1 : 0)
        .month(checkin.date(), Counters.checkinsOnTrack(respondent), checkin.onTrack() ? 1 : 0)
        .month(checkin.date(), Counters.evaluations(respondent), checkin.kind().equals("evaluation") ? 1 : 0);
    items.addAll(tally.items(table, tenant));
    if (next != null) {
      items.add(followUps.put(table, tenant, next));
    }
    return outcome(store.transact(items));
  }

  @Override
  public Page<Checkin> checkins(TenantScope tenant, String matchId, PageRequest page) {
    return store.page(store.tables().data(tenant), null, DataKeys.ofMatch(tenant, matchId, CHECKIN), page, false,
        item -> store.codec().fromItem(item, Checkin.class));
  }

  @Override
  public void eraseText(TenantScope tenant, String matchId, Instant now) {
    String table = store.tables().data(tenant);
    for (Goal goal : store.all(table, null, DataKeys.ofMatch(tenant, matchId, GOAL),
        item -> store.codec().fromItem(item, Goal.class))) {
      replace(table, DataKeys.ofMatch(tenant, matchId, GOAL), goal.id(), goal.erased(now));
    }
    for (Meeting meeting : store.all(table, null, DataKeys.ofMatch(tenant, matchId, MEETING),
        item -> store.codec().fromItem(item, Meeting.class))) {
      replace(table, DataKeys.ofMatch(tenant, matchId, MEETING), meeting.id(), meeting.erased(now));
    }
    for (Checkin checkin : store.all(table, null, DataKeys.ofMatch(tenant, matchId, CHECKIN),
        item -> store.codec().fromItem(item, Checkin.class))) {
      replace(table, DataKeys.ofMatch(tenant, matchId, CHECKIN), checkin.id(), checkin.erased(now));
    }
  }

  /** Writes a record over itself: erasure moves no counter and races nothing that counts. */
  private void replace(String table, String partition, String id, Object record) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(record));
    item.putAll(DynamoStore.key(partition, id));
    DynamoStore.call(() -> store.client().putItem(p -> p.tableName(table).item(item)));
  }
}
