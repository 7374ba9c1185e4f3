package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.matching.Match;
import org.tandem.matching.MatchRepository;
import org.tandem.matching.MatchStatus;
import org.tandem.participants.Mentee;
import org.tandem.relationships.FollowUp;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Matches in the tenant's data table: {@code <tenant>#MATCH} by id; gsi1 by status, gsi2 by
 * mentor, gsi3 by mentee. A pair item ({@code <tenant>#PAIR}, {@code <menteeId>#<mentorId>})
 * holds the pair's open match, so a pair never has two.
 */
public final class DynamoMatchRepository implements MatchRepository {
  private static final String KIND = "MATCH";
  private static final String PAIR = "PAIR";
  private static final String OPEN = "openMatchId";

  private final DynamoStore store;
  private final DynamoParticipantRepository<Mentee> mentees;
  private final DynamoFollowUpRepository followUps;
  private final DynamoOutcomeRepository outcomes;

  @Inject
  public DynamoMatchRepository(DynamoStore store, DynamoParticipantRepository<Mentee> mentees,
      DynamoFollowUpRepository followUps, DynamoOutcomeRepository outcomes) {
    this.store = store;
    this.mentees = mentees;
    this.followUps = followUps;
    this.outcomes = outcomes;
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /** The counters a change of status moves: the status counts now, and what happened in the month. */
  private static Tally statusCounts(Match previous, Match next) {
    Tally tally = Tally.start();
    if (previous == null) {
      return tally.add(Counters.MATCHES, Counters.matchState(next.status().wireName()), 1)
          .month(day(next.createdAt()), Counters.MATCHES_PROPOSED, 1);
    }
    if (previous.status() == next.status()) {
      return tally;
    }
    tally.move(Counters.MATCHES, Counters.matchState(previous.status().wireName()),
        Counters.matchState(next.status().wireName()));
    switch (next.status()) {
      case ACTIVE -> tally.month(next.startDate(), Counters.MATCHES_STARTED, 1)
          .month(next.startDate(), Counters.matchesStarted(next.format()), 1);
      case DECLINED -> tally.month(day(next.updatedAt()), Counters.MATCHES_DECLINED, 1);
      case WITHDRAWN -> tally.month(day(next.updatedAt()), Counters.MATCHES_WITHDRAWN, 1);
      case CLOSED -> tally.month(day(next.updatedAt()), Counters.MATCHES_CLOSED, 1)
          .month(day(next.updatedAt()), Counters.matchesClosed(next.ending().reason()), 1);
      default -> { }
    }
    return tally;
  }

  private Map<String, AttributeValue> item(TenantScope tenant, Match match) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(match));
    item.putAll(DynamoStore.key(DataKeys.collection(tenant, KIND), match.id()));
    item.put(Tables.GSI1_PK, AttributeValue.fromS(DataKeys.byStatus(tenant, KIND, match.status().wireName())));
    item.put(Tables.GSI1_SK, AttributeValue.fromS(match.id()));
    item.put(Tables.GSI2_PK, AttributeValue.fromS(DataKeys.matchesOf(tenant, "MENTOR", match.mentorId())));
    item.put(Tables.GSI2_SK, AttributeValue.fromS(match.id()));
    item.put(Tables.GSI3_PK, AttributeValue.fromS(DataKeys.matchesOf(tenant, "MENTEE", match.menteeId())));
    item.put(Tables.GSI3_SK, AttributeValue.fromS(match.id()));
    return item;
  }

  private static Map<String, AttributeValue> pairKey(TenantScope tenant, Match match) {
    return DynamoStore.key(DataKeys.collection(tenant, PAIR), match.menteeId() + "#" + match.mentorId());
  }

  private TransactWriteItem putMatch(String table, TenantScope tenant, Match match, Long expectedVersion) {
    return TransactWriteItem.builder().put(p -> {
      p.tableName(table).item(item(tenant, match));
      if (expectedVersion == null) {
        p.conditionExpression("attribute_not_exists(pk)");
      } else {
        p.conditionExpression("version = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))));
      }
    }).build();
  }

  /** The pair is no longer held once its match ends (only if it is still this match's). */
  private static TransactWriteItem releasePair(String table, TenantScope tenant, Match match) {
    return TransactWriteItem.builder().update(u -> u.tableName(table).key(pairKey(tenant, match))
        .updateExpression("REMOVE #open SET lastMatchId = :m, lastStatus = :s")
        .conditionExpression("#open = :m")
        .expressionAttributeNames(Map.of("#open", OPEN))
        .expressionAttributeValues(Map.of(
            ":m", AttributeValue.fromS(match.id()),
            ":s", AttributeValue.fromS(match.status().wireName())))).build();
  }

  @Override
  public boolean create(TenantScope tenant, Match match) {
    String table = store.tables().data(tenant);
    TransactWriteItem holdPair = TransactWriteItem.builder().update(u -> u.tableName(table).key(pairKey(tenant, match))
        .updateExpression("SET #open = :m")
        .conditionExpression("attribute_not_exists(#open)")
        .expressionAttributeNames(Map.of("#open", OPEN))
        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(match.id())))).build();
    List<TransactWriteItem> items = new ArrayList<>(List.of(putMatch(table, tenant, match, null), holdPair));
    items.addAll(statusCounts(null, match).items(table, tenant));
    int failed = store.transact(items);
    if (failed == 0) {
      throw new IllegalStateException("id collision on " + match.id());
    }
    return failed < 0;
  }

  @Override
  public Optional<Match> find(TenantScope tenant, String matchId) {
    return store.get(store.tables().data(tenant), DataKeys.collection(tenant, KIND), matchId, Match.class);
  }

  @Override
  public Page<Match> list(TenantScope tenant, MatchStatus status, PageRequest page) {
    String table = store.tables().data(tenant);
    return status == null
        ? store.page(table, null, DataKeys.collection(tenant, KIND), page, true, this::read)
        : store.page(table, Tables.GSI1, DataKeys.byStatus(tenant, KIND, status.wireName()), page, true, this::read);
  }

  @Override
  public Page<Match> listByMentor(TenantScope tenant, String mentorId, PageRequest page) {
    return store.page(store.tables().data(tenant), Tables.GSI2, DataKeys.matchesOf(tenant, "MENTOR", mentorId), page,
        true, this::read);
  }

  @Override
  public Page<Match> listByMentee(TenantScope tenant, String menteeId, PageRequest page) {
    return store.page(store.tables().data(tenant), Tables.GSI3, DataKeys.matchesOf(tenant, "MENTEE", menteeId), page,
        true, this::read);
  }

  @Override
  public List<Match> allOfMentee(TenantScope tenant, String menteeId) {
    return store.all(store.tables().data(tenant), Tables.GSI3, DataKeys.matchesOf(tenant, "MENTEE", menteeId),
        this::read);
  }

  @Override
  public List<Match> allInStatus(TenantScope tenant, MatchStatus status) {
    return store.all(store.tables().data(tenant), Tables.GSI1, DataKeys.byStatus(tenant, KIND, status.wireName()),
        this::read);
  }

  private Match read(Map<String, AttributeValue> item) {
    return store.codec().fromItem(item, Match.class);
  }

  @Override
  public boolean update(TenantScope tenant, Match previous, Match next) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>(2);
    items.add(putMatch(table, tenant, next, previous.version()));
    if (previous.status().isOpen() && !next.status().isOpen()) {
      items.add(releasePair(table, tenant, next));
    }
    items.addAll(statusCounts(previous, next).items(table, tenant));
    return store.transact(items) < 0;
  }

  @Override
  public Outcome activate(TenantScope tenant, Match previous, Match active, Mentee menteeBefore, Mentee menteeAfter,
      FollowUp firstCheckin) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>(8);
    items.add(putMatch(table, tenant, active, previous.version()));
    items.add(seat(table, tenant, active.mentorId(), 1));
    items.addAll(mentees.updateItems(tenant, menteeBefore, menteeAfter));
    items.add(followUps.put(table, tenant, firstCheckin));
    items.addAll(statusCounts(previous, active).items(table, tenant));
    return outcome(store.transact(items));
  }

  @Override
  public Outcome close(TenantScope tenant, Match previous, Match closed, Mentee menteeBefore, Mentee menteeAfter,
      Closure closure) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>(16);
    items.add(putMatch(table, tenant, closed, previous.version()));
    items.add(seat(table, tenant, closed.mentorId(), -1));
    items.addAll(mentees.updateItems(tenant, menteeBefore, menteeAfter));
    items.add(releasePair(table, tenant, closed));
    items.add(DynamoFollowUpRepository.settle(table, tenant, FollowUp.checkinId(closed.id())));
    Tally tally = statusCounts(previous, closed);
    for (FollowUp followUp : closure.followUps()) {
      items.add(followUps.put(table, tenant, followUp));
    }
    if (closure.exitOutcome() != null) {
      items.addAll(outcomes.recordItems(table, tenant, null, closure.exitOutcome(), tally));
    }
    items.addAll(tally.items(table, tenant));
    return outcome(store.transact(items));
  }

  /**
   * Takes ({@code +1}) or gives back ({@code -1}) a seat of the mentor's capacity. A seat is only
   * taken while the mentor is ready and has one free; the version moves, so a profile update that
   * read the mentor before cannot write the old count back.
   */
  private static TransactWriteItem seat(String table, TenantScope tenant, String mentorId, int delta) {
    String condition = delta > 0
        ? "#s = :ready AND activeMentees < #capacity"
        : "activeMentees > :zero";
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":d", AttributeValue.fromN(Integer.toString(delta)));
    values.put(":one", AttributeValue.fromN("1"));
    Map<String, String> names = new HashMap<>();
    if (delta > 0) {
      values.put(":ready", AttributeValue.fromS("ready"));
      // Both are reserved words in DynamoDB expressions.
      names.put("#s", "status");
      names.put("#capacity", "capacity");
    } else {
      values.put(":zero", AttributeValue.fromN("0"));
    }
    return TransactWriteItem.builder().update(u -> {
      u.tableName(table)
          .key(DynamoStore.key(DataKeys.collection(tenant, "MENTOR"), mentorId))
          .updateExpression("ADD activeMentees :d, version :one")
          .conditionExpression(condition)
          .expressionAttributeValues(values);
      if (!names.isEmpty()) {
        u.expressionAttributeNames(names);
      }
    }).build();
  }

  private static Outcome outcome(int failed) {
    return switch (failed) {
      case -1 -> Outcome.DONE;
      case 0 -> Outcome.MATCH_CHANGED;
      case 1 -> Outcome.MENTOR_UNAVAILABLE;
      default -> Outcome.MENTEE_CHANGED;
    };
  }

}
