package org.tandem.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.tandem.auth.ApiKeys;
import org.tandem.auth.OperatorKey;
import org.tandem.dynamo.Counters;
import org.tandem.dynamo.DataKeys;
import org.tandem.dynamo.DynamoStore;
import org.tandem.dynamo.ItemCodec;
import org.tandem.dynamo.Tables;
import org.tandem.ids.Ids;
import org.tandem.json.Json;
import org.tandem.local.ApiClient;
import org.tandem.local.EmbeddedDynamo;
import org.tandem.local.LocalTandem;
import org.tandem.participants.Mentor;
import org.tandem.participants.MentorStatus;
import org.tandem.tenancy.Isolation;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A harness that prints figures for {@code GET /v1/mentees/{menteeId}/suggestions} over a large
 * mentor pool: DynamoDB Local in this process, one program, N ready mentors of varied occupations,
 * industries, cities, languages and availability loaded straight into the data table in the
 * repository's item format, then warm-up requests and measured requests through the gateway and
 * the matching function's handler, as a client's request goes.
 *
 * <p>Every DynamoDB call goes through one client that asks for {@code ReturnConsumedCapacity.TOTAL}
 * and adds up what each request's calls consumed (DynamoDB Local computes capacity units as
 * DynamoDB does: 4 KB per read unit, half for an eventually consistent read).
 *
 * <pre>
 *   SuggestionsBenchmark [--mentors N] [--mentees N] [--warmup N] [--requests N] [--limit N] [--seed S]
 * </pre>
 */
public final class SuggestionsBenchmark {
  private static final String OPERATOR_KEY = "bench-operator-key-0123456789abcdefghijklmnopqrstuvwxyz";

  private SuggestionsBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    int mentorCount = intOption(rest, "--mentors", 10_000);
    int menteeCount = intOption(rest, "--mentees", 20);
    int warmup = intOption(rest, "--warmup", 30);
    int requests = intOption(rest, "--requests", 100);
    int limit = intOption(rest, "--limit", 10);
    long seed = intOption(rest, "--seed", 42);
    if (!rest.isEmpty()) {
      System.err.println("usage: SuggestionsBenchmark [--mentors N] [--mentees N] [--warmup N] [--requests N] "
          + "[--limit N] [--seed S]");
      System.exit(2);
    }

    CapacityMeter meter = new CapacityMeter();
    try (EmbeddedDynamo dynamo = EmbeddedDynamo.start(0, null);
        DynamoDbClient client = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.builder().build())
            .region(Region.CA_CENTRAL_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .endpointOverride(dynamo.endpoint())
            .overrideConfiguration(o -> o.addExecutionInterceptor(meter))
            .build()) {
      LocalTandem tandem = new LocalTandem(client, dynamo.endpoint(), new OperatorKey(ApiKeys.hash(OPERATOR_KEY)),
          Clock.systemUTC(), Duration.ofMinutes(30));
      tandem.createTables();
      ApiClient api = tandem.client();
      Random random = new Random(seed);

      String tenantId = "bench-" + Long.toString(System.currentTimeMillis() % 100_000, 36);
      JsonNode onboarded = ok(api.call("POST", "/v1/tenants", OPERATOR_KEY,
          Map.of("id", tenantId, "name", "Suggestions bench", "languages", List.of("en", "fr"), "isolation", "pool")),
          201);
      String admin = onboarded.at("/adminKey/key").asText();
      String coordinator = ok(api.call("POST", "/v1/keys", admin, Map.of("role", "coordinator", "label", "Bench")),
          201).get("key").asText();
      // The default weights (occupation, industry, language, location, goals, availability) and
      // hard filter (a shared language), every format.
      ok(api.call("PUT", "/v1/program", admin,
          Map.of("formats", List.of("one_on_one", "group", "connector", "employer_hosted"))), 200);

      List<String> mentees = new ArrayList<>();
      for (int i = 0; i < menteeCount; i++) {
        mentees.add(readyMentee(api, coordinator, i, random));
      }

      long loadStarted = System.nanoTime();
      TenantScope tenant = new TenantScope(tenantId, Isolation.POOL);
      int[] loaded = loadMentors(client, tenant, mentorCount, random);
      double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

      // Warm-up: the JIT, the gateway's authorizer cache, the connection pool.
      for (int i = 0; i < warmup; i++) {
        suggest(api, coordinator, mentees.get(i % mentees.size()), limit);
      }
      long[] nanos = new long[requests];
      List<CapacityMeter.Snapshot> usage = new ArrayList<>();
      int responseBytes = 0;
      int items = 0;
      for (int i = 0; i < requests; i++) {
        meter.reset();
        long started = System.nanoTime();
        ApiClient.Response answer = suggest(api, coordinator, mentees.get(i % mentees.size()), limit);
        nanos[i] = System.nanoTime() - started;
        usage.add(meter.snapshot());
        responseBytes += answer.body().length;
        items += answer.json().get("items").size();
      }
      print(mentorCount, loaded, loadSeconds, menteeCount, warmup, requests, limit, nanos, usage,
          responseBytes / requests, (double) items / requests);
    }
    // DynamoDB Local leaves a non-daemon job (its shard rollover) sleeping for minutes after stop.
    System.exit(0);
  }

  private static ApiClient.Response suggest(ApiClient api, String key, String mentee, int limit) {
    ApiClient.Response answer = api.call("GET", "/v1/mentees/" + mentee + "/suggestions?limit=" + limit, key, null);
    ok(answer, 200);
    return answer;
  }

  private static void print(int mentorCount, int[] loaded, double loadSeconds, int mentees, int warmup, int requests,
      int limit, long[] nanos, List<CapacityMeter.Snapshot> usage, int bytes, double items) {
    double[] ms = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
    double[] units = usage.stream().mapToDouble(CapacityMeter.Snapshot::readUnits).sorted().toArray();
    double[] dynamoMs = usage.stream().mapToDouble(CapacityMeter.Snapshot::dynamoMillis).sorted().toArray();
    Map<String, double[]> byOperation = new TreeMap<>();
    for (CapacityMeter.Snapshot snapshot : usage) {
      snapshot.byOperation().forEach((op, v) -> {
        double[] sum = byOperation.computeIfAbsent(op, k -> new double[3]);
        sum[0] += v[0];
        sum[1] += v[1];
        sum[2] += v[2];
      });
    }
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB; DynamoDB Local in this process (in memory)%n",
        System.getProperty("java.version"), runtime.availableProcessors(), runtime.maxMemory() >> 20);
    System.out.printf(Locale.ROOT, "mentors: %,d ready (%,d with a free seat), %,d items written in %.1f s; "
        + "mean mentor item %,d bytes%n", mentorCount, loaded[0], mentorCount, loadSeconds, loaded[1]);
    System.out.printf(Locale.ROOT, "GET /v1/mentees/{id}/suggestions?limit=%d through the gateway and the matching "
        + "handler, %d mentees in turn: %d warm-up, %d measured%n", limit, mentees, warmup, requests);
    System.out.printf(Locale.ROOT, "  latency ms: median %.1f  p95 %.1f  min %.1f  max %.1f  mean %.1f%n",
        percentile(ms, 50), percentile(ms, 95), ms[0], ms[ms.length - 1], Arrays.stream(ms).average().orElse(0));
    System.out.printf(Locale.ROOT, "  of which in DynamoDB calls, ms: median %.1f  p95 %.1f%n",
        percentile(dynamoMs, 50), percentile(dynamoMs, 95));
    System.out.printf(Locale.ROOT, "  read capacity per request (ReturnConsumedCapacity.TOTAL, summed): median %.1f RCU"
        + "  min %.1f  max %.1f%n", percentile(units, 50), units[0], units[units.length - 1]);
    byOperation.forEach((op, v) -> System.out.printf(Locale.ROOT,
        "    %-18s %5.1f calls, %8.1f capacity units, %7.0f items returned per request%n",
        op, v[0] / requests, v[1] / requests, v[2] / requests));
    System.out.printf(Locale.ROOT, "  response: %,d bytes, %.1f suggestions per request%n", bytes, items);
    System.out.printf(Locale.ROOT, "  per 1,000 requests: %,.0f read capacity units%n",
        Arrays.stream(units).average().orElse(0) * 1000);
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  // ---------------------------------------------------------------- data

  private static final List<String[]> OCCUPATIONS = List.of(
      new String[] {"21231", "Software engineer", "software architecture cloud distributed systems Java"},
      new String[] {"21232", "Software developer", "web applications JavaScript React testing"},
      new String[] {"21211", "Data scientist", "machine learning statistics Python data analysis"},
      new String[] {"21220", "Cybersecurity specialist", "security risk network defence incident response"},
      new String[] {"21221", "Business systems analyst", "requirements business analysis ERP processes"},
      new String[] {"21223", "Database analyst", "SQL databases data modelling warehousing"},
      new String[] {"22220", "Network technician", "networks support infrastructure troubleshooting"},
      new String[] {"21300", "Civil engineer", "structural civil engineering bridges P.Eng. licensing"},
      new String[] {"21301", "Mechanical engineer", "mechanical design manufacturing HVAC"},
      new String[] {"21310", "Electrical engineer", "power systems electrical design utilities"},
      new String[] {"21320", "Chemical engineer", "process engineering chemical plants safety"},
      new String[] {"22310", "Electrical technologist", "electrical technology controls instrumentation"},
      new String[] {"11100", "Accountant", "CPA accounting audit tax financial reporting"},
      new String[] {"11101", "Financial analyst", "investment analysis financial modelling CFA"},
      new String[] {"10010", "Financial manager", "finance management budgeting controllership"},
      new String[] {"11200", "HR advisor", "human resources recruitment labour relations"},
      new String[] {"12011", "Supervisor, finance clerks", "accounts payable bookkeeping supervision"},
      new String[] {"13110", "Administrative assistant", "office administration scheduling"},
      new String[] {"31301", "Registered nurse", "nursing patient care NCLEX licensing hospitals"},
      new String[] {"31120", "Pharmacist", "pharmacy licensing PEBC medication"},
      new String[] {"31102", "Family physician", "medicine residency MCCQE licensing"},
      new String[] {"32101", "Practical nurse", "nursing long-term care"},
      new String[] {"41200", "Professor", "university teaching research academia"},
      new String[] {"41220", "Secondary school teacher", "teaching certification OCT education"},
      new String[] {"40020", "School principal", "education administration leadership"},
      new String[] {"62020", "Food service supervisor", "food service operations"},
      new String[] {"64100", "Retail salesperson", "retail sales customer service"},
      new String[] {"72310", "Carpenter", "carpentry construction Red Seal trades"},
      new String[] {"72410", "Automotive technician", "automotive repair Red Seal trades"},
      new String[] {"73300", "Transport truck driver", "trucking logistics AZ licence"},
      new String[] {"10030", "Telecommunication manager", "telecom management networks"},
      new String[] {"12200", "Accounting technician", "bookkeeping payroll accounting software"});
  private static final List<String> NAICS = List.of(
      "541330", "541511", "541512", "518210", "522110", "524110", "611310", "621110", "622111", "336110",
      "325410", "236220", "237310", "221110", "445110", "455110", "484110", "541211", "541611", "911910",
      "913910", "517311", "541714", "561320", "611110", "623110", "811111", "238210", "311410", "493110");
  private static final List<String[]> CITIES = List.of(
      new String[] {"Toronto", "ON"}, new String[] {"Toronto", "ON"}, new String[] {"Toronto", "ON"},
      new String[] {"Ottawa", "ON"}, new String[] {"Mississauga", "ON"}, new String[] {"Brampton", "ON"},
      new String[] {"Hamilton", "ON"}, new String[] {"London", "ON"}, new String[] {"Kitchener", "ON"},
      new String[] {"Montréal", "QC"}, new String[] {"Montréal", "QC"}, new String[] {"Québec", "QC"},
      new String[] {"Laval", "QC"}, new String[] {"Gatineau", "QC"}, new String[] {"Vancouver", "BC"},
      new String[] {"Vancouver", "BC"}, new String[] {"Surrey", "BC"}, new String[] {"Burnaby", "BC"},
      new String[] {"Victoria", "BC"}, new String[] {"Calgary", "AB"}, new String[] {"Calgary", "AB"},
      new String[] {"Edmonton", "AB"}, new String[] {"Winnipeg", "MB"}, new String[] {"Regina", "SK"},
      new String[] {"Saskatoon", "SK"}, new String[] {"Halifax", "NS"}, new String[] {"Moncton", "NB"},
      new String[] {"Fredericton", "NB"}, new String[] {"St. John's", "NL"}, new String[] {"Charlottetown", "PE"});
  private static final List<String> OTHER_LANGUAGES = List.of(
      "es", "ar", "zh", "pa", "tl", "hi", "ur", "pt", "ro", "uk", "ru", "fa", "ko", "vi", "tr", "fr");
  private static final List<String> SLOTS = List.of("weekday_mornings", "weekday_afternoons", "weekday_evenings",
      "weekends");
  private static final List<String> EMPLOYERS = List.of("Lakeshore Engineering", "Northwind Bank", "Maple Health",
      "Boreal Software", "City of Toronto", "Prairie Power", "Atlantic Logistics", "Laurentian University",
      "Coastline Telecom", "Red River Manufacturing");
  private static final List<String> FIRST = List.of("Alex", "Sam", "Jordan", "Priya", "Wei", "Fatima", "Luis",
      "Olga", "Mei", "Omar", "Chloé", "Darius", "Ana", "Kwame", "Noor", "Isabelle");
  private static final List<String> LAST = List.of("Smith", "Tremblay", "Nguyen", "Singh", "Li", "Martin", "Khan",
      "Roy", "Wilson", "Gagnon", "Patel", "Chen", "Campbell", "Côté", "Ahmed", "Morrison");

  /**
   * Writes {@code count} ready mentors with BatchWriteItem, as {@code DynamoParticipantRepository}
   * stores them (the record's fields, then pk/sk and the by-status index keys), and counts them.
   *
   * @return how many have a free seat, and the mean item size in bytes
   */
  private static int[] loadMentors(DynamoDbClient client, TenantScope tenant, int count, Random random) {
    ItemCodec codec = new ItemCodec(Json.shared());
    Ids ids = new Ids(Clock.systemUTC());
    String table = LocalTandem.DATA_TABLE;
    Instant now = Instant.now();
    int free = 0;
    long bytes = 0;
    List<WriteRequest> batch = new ArrayList<>(25);
    for (int i = 0; i < count; i++) {
      String[] occupation = OCCUPATIONS.get(random.nextInt(OCCUPATIONS.size()));
      String[] city = CITIES.get(random.nextInt(CITIES.size()));
      boolean quebec = city[1].equals("QC");
      String preferred = quebec ? (random.nextInt(5) == 0 ? "en" : "fr") : (random.nextInt(12) == 0 ? "fr" : "en");
      LinkedHashSet<String> languages = new LinkedHashSet<>();
      languages.add(preferred);
      if (quebec || random.nextInt(4) == 0) {
        languages.add(preferred.equals("en") ? "fr" : "en");
      }
      for (int extra = random.nextInt(3); extra > 0; extra--) {
        languages.add(OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size())));
      }
      LinkedHashSet<String> slots = new LinkedHashSet<>();
      for (int s = 1 + random.nextInt(3); s > 0; s--) {
        slots.add(SLOTS.get(random.nextInt(SLOTS.size())));
      }
      // Most mentors share an industry with their occupation's usual one; some are elsewhere.
      String naics = NAICS.get(Math.floorMod(occupation[0].hashCode() + (random.nextInt(4) == 0
          ? random.nextInt(NAICS.size()) : 0), NAICS.size()));
      if (random.nextBoolean()) {
        naics = naics.substring(0, 5) + random.nextInt(10);
      }
      int capacity = 1 + random.nextInt(4);
      int active = random.nextInt(10) < 7 ? 0 : random.nextInt(capacity + 1);
      if (active < capacity) {
        free++;
      }
      String first = FIRST.get(random.nextInt(FIRST.size()));
      String last = LAST.get(random.nextInt(LAST.size()));
      Mentor mentor = new Mentor(ids.next(Mentor.ID_PREFIX), MentorStatus.READY, first, last,
          (first + "." + last + i + "@example.org").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.@]", ""),
          random.nextBoolean() ? "+1 416 555 " + String.format(Locale.ROOT, "%04d", random.nextInt(10_000)) : null,
          List.copyOf(languages), preferred, city[0], city[1], occupation[0], naics, 2 + random.nextInt(28),
          EMPLOYERS.get(random.nextInt(EMPLOYERS.size())), occupation[1], random.nextInt(10) == 0, capacity, active,
          List.copyOf(slots), occupation[2], List.of(occupation[2].split(" ")[0].toLowerCase(Locale.ROOT)),
          random.nextInt(5) == 0 ? "Prefers mentees new to the field; available from September." : null,
          true, now, null, null, now, now, 3);
      Map<String, AttributeValue> item = new HashMap<>(codec.toItem(mentor));
      item.putAll(DynamoStore.key(DataKeys.collection(tenant, "MENTOR"), mentor.id()));
      item.put(Tables.GSI1_PK, AttributeValue.fromS(DataKeys.byStatus(tenant, "MENTOR", "ready")));
      item.put(Tables.GSI1_SK, AttributeValue.fromS(mentor.id()));
      bytes += itemSize(item);
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == 25 || i == count - 1) {
        write(client, table, batch);
        batch = new ArrayList<>(25);
      }
    }
    client.updateItem(u -> u.tableName(table)
        .key(DynamoStore.key(DataKeys.counters(tenant), Counters.PARTICIPANTS))
        .updateExpression("ADD #c :n")
        .expressionAttributeNames(Map.of("#c", Counters.participant("mentor", "ready")))
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(count)))));
    return new int[] {free, (int) (bytes / Math.max(1, count))};
  }

  private static void write(DynamoDbClient client, String table, List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table, batch);
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt > 20) {
        throw new IllegalStateException("BatchWriteItem kept leaving items unprocessed");
      }
      Map<String, List<WriteRequest>> request = pending;
      BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }

  /** An item's size as DynamoDB counts it: attribute names plus values (roughly, for nested ones). */
  private static long itemSize(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += attribute.getKey().length() + valueSize(attribute.getValue());
    }
    return size;
  }

  private static long valueSize(AttributeValue value) {
    if (value.s() != null) {
      return value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    if (value.n() != null) {
      return (value.n().length() + 1) / 2 + 1;
    }
    if (value.hasL()) {
      return 3 + value.l().stream().mapToLong(v -> 1 + valueSize(v)).sum();
    }
    if (value.hasM()) {
      return 3 + value.m().entrySet().stream().mapToLong(e -> 1 + e.getKey().length() + valueSize(e.getValue()))
          .sum();
    }
    return 1;
  }

  private static String readyMentee(ApiClient api, String key, int i, Random random) {
    String[] occupation = OCCUPATIONS.get(random.nextInt(OCCUPATIONS.size()));
    String[] city = CITIES.get(random.nextInt(CITIES.size()));
    String preferred = city[1].equals("QC") ? "fr" : "en";
    Map<String, Object> intake = new java.util.LinkedHashMap<>();
    intake.put("firstName", FIRST.get(i % FIRST.size()));
    intake.put("lastName", LAST.get(random.nextInt(LAST.size())));
    intake.put("email", "mentee" + i + "@example.org");
    intake.put("languages", List.of(preferred, OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size() - 1))));
    intake.put("preferredLanguage", preferred);
    intake.put("city", city[0]);
    intake.put("province", city[1]);
    intake.put("nocCode", occupation[0]);
    intake.put("naicsCode", NAICS.get(Math.floorMod(occupation[0].hashCode(), NAICS.size())));
    intake.put("clbLevel", 6 + random.nextInt(5));
    intake.put("immigrationStatus", "permanent_resident");
    intake.put("internationallyEducated", true);
    intake.put("jobSearchWorkshopCompleted", true);
    intake.put("careerGoals", "Work again as a " + occupation[1].toLowerCase(Locale.ROOT) + ": "
        + occupation[2].toLowerCase(Locale.ROOT));
    intake.put("availability", List.of(SLOTS.get(random.nextInt(SLOTS.size())), SLOTS.get(random.nextInt(SLOTS.size())))
        .stream().distinct().toList());
    intake.put("consentGiven", true);
    String id = ok(api.call("POST", "/v1/mentees", key, intake), 201).get("id").asText();
    ok(api.call("POST", "/v1/mentees/" + id + "/screening", key, null), 200);
    ok(api.call("PATCH", "/v1/mentees/" + id, key, Map.of("status", "ready")), 200);
    return id;
  }

  private static JsonNode ok(ApiClient.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("expected " + status + " but got " + response.status() + ": " + response.text());
    }
    return response.json();
  }

  private static int intOption(List<String> args, String name, int fallback) {
    int at = args.indexOf(name);
    if (at < 0) {
      return fallback;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a number");
    }
    int value = Integer.parseInt(args.get(at + 1));
    args.remove(at + 1);
    args.remove(at);
    return value;
  }

  // ---------------------------------------------------------------- capacity

  /**
   * Asks every read and transactional write for {@code ReturnConsumedCapacity.TOTAL} and adds up
   * what came back, with the calls, items and time per operation, since the last {@link #reset}.
   */
  static final class CapacityMeter implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");

    /** Per operation: calls, capacity units, items returned; and the time spent in calls. */
    record Snapshot(Map<String, double[]> byOperation, double readUnits, double dynamoMillis) {}

    private final Map<String, double[]> byOperation = new TreeMap<>();
    private double readUnits;
    private long dynamoNanos;

    synchronized void reset() {
      byOperation.clear();
      readUnits = 0;
      dynamoNanos = 0;
    }

    synchronized Snapshot snapshot() {
      Map<String, double[]> copy = new TreeMap<>();
      byOperation.forEach((op, v) -> copy.put(op, v.clone()));
      return new Snapshot(copy, readUnits, dynamoNanos / 1e6);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      SdkRequest request = context.request();
      if (request instanceof QueryRequest query) {
        return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      }
      if (request instanceof GetItemRequest get) {
        return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      }
      if (request instanceof BatchGetItemRequest batch) {
        return batch.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      }
      if (request instanceof TransactWriteItemsRequest transact) {
        return transact.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      }
      return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      SdkResponse response = context.response();
      String operation = response.getClass().getSimpleName().replace("Response", "");
      List<ConsumedCapacity> consumed = new ArrayList<>();
      int items = 0;
      boolean read = true;
      if (response instanceof QueryResponse query) {
        consumed.add(query.consumedCapacity());
        items = query.count();
      } else if (response instanceof GetItemResponse get) {
        consumed.add(get.consumedCapacity());
        items = get.hasItem() ? 1 : 0;
      } else if (response instanceof BatchGetItemResponse batch) {
        consumed.addAll(batch.consumedCapacity());
        items = batch.responses().values().stream().mapToInt(List::size).sum();
      } else if (response instanceof TransactWriteItemsResponse transact) {
        consumed.addAll(transact.consumedCapacity());
        read = false;
      }
      double units = consumed.stream().filter(c -> c != null && c.capacityUnits() != null)
          .mapToDouble(ConsumedCapacity::capacityUnits).sum();
      Long started = attributes.getAttribute(STARTED);
      synchronized (this) {
        double[] sums = byOperation.computeIfAbsent(operation, k -> new double[3]);
        sums[0] += 1;
        sums[1] += units;
        sums[2] += items;
        if (read) {
          readUnits += units;
        }
        if (started != null) {
          dynamoNanos += System.nanoTime() - started;
        }
      }
    }
  }
}
