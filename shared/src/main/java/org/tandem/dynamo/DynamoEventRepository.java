package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.errors.Unavailable;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.relationships.Attendance;
import org.tandem.relationships.EventRepository;
import org.tandem.relationships.ProgramEvent;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Events in the tenant's data table: {@code <tenant>#EVENT} by id; gsi1 ({@code <tenant>#EVENT})
 * and gsi2 ({@code <tenant>#EVENT#<kind>}) by {@code <date>#<eventId>}, so a range of dates is a
 * key condition. Attendance in {@code <tenant>#EVENT#<eventId>#ATTENDANCE} by participant id; gsi3
 * ({@code <tenant>#MENTEE#<id>#EVENT}, or MENTOR) by {@code <date>#<eventId>} lists a person's events.
 */
public final class DynamoEventRepository implements EventRepository {
  /** The counter of events held in a month, in the month item. */
  public static final String EVENTS = "events";
  /** The counter of attendances in a month (people who attended, once per event). */
  public static final String ATTENDANCE = "attendance";

  private static final String KIND = "EVENT";
  /** A sort key bound above every {@code <date>#<id>} of a day: ids are lower-case letters, digits and {@code _}. */
  private static final String END_OF_DAY = "#~";
  private static final String EARLIEST = "0000-01-01";
  private static final String LATEST = "9999-12-31";

  private final DynamoStore store;

  @Inject
  public DynamoEventRepository(DynamoStore store) {
    this.store = store;
  }

  /** The counter of events of one kind in a month, e.g. {@code events_workshop}. */
  public static String eventsOfKind(String kind) {
    return EVENTS + "_" + kind;
  }

  /** The counter of attendances by mentees or by mentors: {@code attendance_mentee}, {@code attendance_mentor}. */
  public static String attendanceBy(String participantType) {
    return ATTENDANCE + "_" + participantType;
  }

  /** The counter of attendances at events of one kind, e.g. {@code attendance_workshop}. */
  public static String attendanceAt(String kind) {
    return ATTENDANCE + "_" + kind;
  }

  private Map<String, AttributeValue> item(TenantScope tenant, ProgramEvent event) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(event));
    String dated = DataKeys.dated(event.date(), event.id());
    item.putAll(DynamoStore.key(DataKeys.collection(tenant, KIND), event.id()));
    item.put(Tables.GSI1_PK, AttributeValue.fromS(DataKeys.collection(tenant, KIND)));
    item.put(Tables.GSI1_SK, AttributeValue.fromS(dated));
    item.put(Tables.GSI2_PK, AttributeValue.fromS(DataKeys.eventsOfKind(tenant, event.kind())));
    item.put(Tables.GSI2_SK, AttributeValue.fromS(dated));
    return item;
  }

  private Map<String, AttributeValue> item(TenantScope tenant, Attendance attendance) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(attendance));
    item.putAll(DynamoStore.key(DataKeys.attendanceOf(tenant, attendance.eventId()), attendance.participantId()));
    item.put(Tables.GSI3_PK, AttributeValue.fromS(personsEvents(tenant, attendance.participantId())));
    item.put(Tables.GSI3_SK, AttributeValue.fromS(DataKeys.dated(attendance.eventDate(), attendance.eventId())));
    return item;
  }

  private static String personsEvents(TenantScope tenant, String participantId) {
    return DataKeys.eventsOf(tenant, Attendance.typeOf(participantId).equals("mentee") ? "MENTEE" : "MENTOR",
        participantId);
  }

  @Override
  public void create(TenantScope tenant, ProgramEvent event) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>(2);
    items.add(TransactWriteItem.builder().put(p -> p.tableName(table)
        .item(item(tenant, event))
        .conditionExpression("attribute_not_exists(pk)")).build());
    items.addAll(Tally.start()
        .month(event.date(), EVENTS, 1)
        .month(event.date(), eventsOfKind(event.kind()), 1)
        .items(table, tenant));
    if (store.transact(items) >= 0) {
      throw new IllegalStateException("id collision on " + event.id());
    }
  }

  @Override
  public Optional<ProgramEvent> find(TenantScope tenant, String eventId) {
    return store.get(store.tables().data(tenant), DataKeys.collection(tenant, KIND), eventId, ProgramEvent.class);
  }

  @Override
  public Page<ProgramEvent> list(TenantScope tenant, String kind, LocalDate from, LocalDate to, PageRequest page) {
    String table = store.tables().data(tenant);
    String index = kind == null ? Tables.GSI1 : Tables.GSI2;
    String partition = kind == null ? DataKeys.collection(tenant, KIND) : DataKeys.eventsOfKind(tenant, kind);
    if (from == null && to == null) {
      return store.page(table, index, partition, page, true, this::readEvent);
    }
    String low = from == null ? EARLIEST : from.toString();
    String high = (to == null ? LATEST : to.toString()) + END_OF_DAY;
    return store.pageInRange(table, index, partition, low, high, page, true, this::readEvent);
  }

  private ProgramEvent readEvent(Map<String, AttributeValue> item) {
    return store.codec().fromItem(item, ProgramEvent.class);
  }

  private Attendance readAttendance(Map<String, AttributeValue> item) {
    return store.codec().fromItem(item, Attendance.class);
  }

  @Override
  public Map<String, Attendance> findAttendance(TenantScope tenant, String eventId,
      Collection<String> participantIds) {
    if (participantIds.isEmpty()) {
      return Map.of();
    }
    if (participantIds.size() > 100) {
      throw new IllegalArgumentException("at most 100 ids at once");
    }
    String table = store.tables().data(tenant);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String id : new LinkedHashSet<>(participantIds)) {
      keys.add(DynamoStore.key(DataKeys.attendanceOf(tenant, eventId), id));
    }
    // Strongly consistent: after a lost race the records are read again, and must be read as they now are.
    Map<String, KeysAndAttributes> request =
        Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    Map<String, Attendance> found = new HashMap<>();
    for (int attempt = 0; attempt < 8 && !request.isEmpty(); attempt++) {
      Map<String, KeysAndAttributes> pending = request;
      BatchGetItemResponse response = DynamoStore.call(() -> store.client().batchGetItem(b -> b.requestItems(pending)));
      response.responses().getOrDefault(table, List.of()).forEach(item -> {
        Attendance attendance = readAttendance(item);
        found.put(attendance.participantId(), attendance);
      });
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    if (!request.isEmpty()) {
      throw new Unavailable("the database is busy; try again shortly");
    }
    return found;
  }

  @Override
  public Page<Attendance> attendance(TenantScope tenant, String eventId, PageRequest page) {
    return store.page(store.tables().data(tenant), null, DataKeys.attendanceOf(tenant, eventId), page, false,
        this::readAttendance);
  }

  @Override
  public Page<Attendance> eventsOf(TenantScope tenant, String participantId, PageRequest page) {
    return store.page(store.tables().data(tenant), Tables.GSI3, personsEvents(tenant, participantId), page, true,
        this::readAttendance);
  }

  @Override
  public Result record(TenantScope tenant, ProgramEvent event, List<Change> changes, Instant now) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>(changes.size() + 2);
    int attendees = 0;
    int mentees = 0;
    int mentors = 0;
    for (Change change : changes) {
      items.add(putAttendance(table, tenant, change));
      int delta = Attendance.countChange(change.previous(), change.next());
      attendees += delta;
      if (change.next().participantType().equals("mentee")) {
        mentees += delta;
      } else {
        mentors += delta;
      }
    }
    // One mentee off and one mentor on leaves the total as it was, but not its split.
    if (mentees != 0 || mentors != 0) {
      items.add(count(table, tenant, event, attendees, mentees, mentors, now));
    }
    items.addAll(Tally.start()
        .month(event.date(), ATTENDANCE, attendees)
        .month(event.date(), attendanceBy("mentee"), mentees)
        .month(event.date(), attendanceBy("mentor"), mentors)
        .month(event.date(), attendanceAt(event.kind()), attendees)
        .items(table, tenant));
    int failed = store.transact(items);
    if (failed < 0) {
      return Result.DONE;
    }
    return failed < changes.size() ? Result.ATTENDANCE_CHANGED : Result.EVENT_FULL;
  }

  /** A record is written only over the very version that was read, or where none was: nobody is counted twice. */
  private TransactWriteItem putAttendance(String table, TenantScope tenant, Change change) {
    return TransactWriteItem.builder().put(p -> {
      p.tableName(table).item(item(tenant, change.next()));
      if (change.previous() == null) {
        p.conditionExpression("attribute_not_exists(pk)");
      } else {
        p.conditionExpression("version = :v")
            .expressionAttributeValues(Map.of(":v",
                AttributeValue.fromN(Long.toString(change.previous().version()))));
      }
    }).build();
  }

  /**
   * Moves the event's counts. Adding attendees to an event with a capacity holds only while the
   * event still has room for them, whatever was recorded meanwhile.
   */
  private static TransactWriteItem count(String table, TenantScope tenant, ProgramEvent event, int attendees,
      int mentees, int mentors, Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":a", AttributeValue.fromN(Integer.toString(attendees)));
    values.put(":e", AttributeValue.fromN(Integer.toString(mentees)));
    values.put(":r", AttributeValue.fromN(Integer.toString(mentors)));
    values.put(":one", AttributeValue.fromN("1"));
    values.put(":now", AttributeValue.fromS(now.toString()));
    String condition = "attribute_exists(pk)";
    if (attendees > 0 && event.capacity() != null) {
      condition += " AND attendeeCount <= :room";
      values.put(":room", AttributeValue.fromN(Integer.toString(event.capacity() - attendees)));
    }
    String finalCondition = condition;
    return TransactWriteItem.builder().update(u -> u.tableName(table)
        .key(DynamoStore.key(DataKeys.collection(tenant, KIND), event.id()))
        .updateExpression("ADD attendeeCount :a, menteesAttended :e, mentorsAttended :r, version :one "
            + "SET updatedAt = :now")
        .conditionExpression(finalCondition)
        .expressionAttributeValues(values)).build();
  }
}
