package org.tandem.participants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.errors.ApiError;
import org.tandem.errors.Backoff;
import org.tandem.errors.Checks;
import org.tandem.errors.Conflict;
import org.tandem.errors.NotFound;
import org.tandem.errors.PreconditionFailed;
import org.tandem.errors.ValidationFailed;
import org.tandem.http.JsonProblems;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.ids.Ids;
import org.tandem.program.Eligibility;
import org.tandem.program.EligibilityRule;
import org.tandem.program.ProgramService;
import org.tandem.program.ProgramSettings;
import org.tandem.tenancy.TenantScope;

/** Intake, reading, updating and screening of mentees and mentors. */
public final class ParticipantService {
  /** Tries of a read-modify-write that lost a race, with a short random pause between them. */
  private static final int ATTEMPTS = 6;

  private final ParticipantRepository<Mentee> mentees;
  private final ParticipantRepository<Mentor> mentors;
  private final ProgramService program;
  private final ObjectMapper mapper;
  private final Ids ids;
  private final Clock clock;

  @Inject
  public ParticipantService(ParticipantRepository<Mentee> mentees, ParticipantRepository<Mentor> mentors,
      ProgramService program, ObjectMapper mapper, Ids ids, Clock clock) {
    this.mentees = mentees;
    this.mentors = mentors;
    this.program = program;
    this.mapper = mapper;
    this.ids = ids;
    this.clock = clock;
  }

  /** What screening answers: the verdict, every failed rule, and where the participant stands now. */
  public record ScreeningAnswer(String participantId, boolean eligible, List<Eligibility.Reason> reasons,
      String status, long version) {}

  public Mentee intakeMentee(TenantScope tenant, MenteeIntake intake) {
    intake.check("").throwIfAny();
    Mentee mentee = Mentee.intake(ids.next(Mentee.ID_PREFIX), MenteeStatus.APPLIED, intake, null, clock.instant());
    mentees.create(tenant, mentee);
    return mentee;
  }

  public Mentor intakeMentor(TenantScope tenant, MentorIntake intake) {
    intake.check().throwIfAny();
    Mentor mentor = Mentor.intake(ids.next(Mentor.ID_PREFIX), intake, clock.instant());
    mentors.create(tenant, mentor);
    return mentor;
  }

  public Mentee mentee(TenantScope tenant, String id) {
    return find(ParticipantKind.MENTEE, mentees, tenant, id);
  }

  public Mentor mentor(TenantScope tenant, String id) {
    return find(ParticipantKind.MENTOR, mentors, tenant, id);
  }

  public Page<Mentee> mentees(TenantScope tenant, Optional<String> status, PageRequest page) {
    return mentees.list(tenant, statusFilter(status, MenteeStatus.values()), page);
  }

  public Page<Mentor> mentors(TenantScope tenant, Optional<String> status, PageRequest page) {
    return mentors.list(tenant, statusFilter(status, MentorStatus.values()), page);
  }

  public Mentee patchMentee(TenantScope tenant, String id, ObjectNode patch, Optional<Long> ifMatch) {
    return patch(ParticipantKind.MENTEE, mentees, tenant, id, patch, ifMatch);
  }

  public Mentor patchMentor(TenantScope tenant, String id, ObjectNode patch, Optional<Long> ifMatch) {
    return patch(ParticipantKind.MENTOR, mentors, tenant, id, patch, ifMatch);
  }

  public ScreeningAnswer screenMentee(TenantScope tenant, String id) {
    ProgramSettings settings = program.get(tenant);
    return screen(ParticipantKind.MENTEE, mentees, tenant, id, settings.menteeEligibility());
  }

  public ScreeningAnswer screenMentor(TenantScope tenant, String id) {
    ProgramSettings settings = program.get(tenant);
    return screen(ParticipantKind.MENTOR, mentors, tenant, id, settings.mentorEligibility());
  }

  private <T extends Participant, I, S extends Enum<S>> T find(ParticipantKind<T, I, S> kind,
      ParticipantRepository<T> repository, TenantScope tenant, String id) {
    if (!Ids.isValid(kind.idPrefix, id)) {
      throw ValidationFailed.of(kind.noun + "Id", "is not a " + kind.noun + " id");
    }
    return repository.find(tenant, id).orElseThrow(() -> new NotFound(kind.noun + " " + id + " not found"));
  }

  private <T extends Participant, I, S extends Enum<S>> T patch(ParticipantKind<T, I, S> kind,
      ParticipantRepository<T> repository, TenantScope tenant, String id, ObjectNode patch, Optional<Long> ifMatch) {
    Checks checks = Checks.start();
    String wantedStatus = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("status")) {
        if (!field.getValue().isTextual() || kind.parseStatus(field.getValue().textValue()) == null) {
          checks.problem("status", "must be one of " + kind.statusList());
        } else {
          wantedStatus = field.getValue().textValue();
        }
      } else if (!kind.fields.contains(field.getKey())) {
        checks.problem(field.getKey(), "is not a field that can be changed");
      }
    }
    if (patch.isEmpty()) {
      checks.problem("body", "must change at least one field");
    }
    checks.throwIfAny();
    for (int attempt = 1; ; attempt++) {
      T current = find(kind, repository, tenant, id);
      if (ifMatch.isPresent() && ifMatch.get() != current.version()) {
        throw new PreconditionFailed(kind.noun + " " + id + " is at version " + current.version() + ", not "
            + ifMatch.get());
      }
      if (current.erasedAt() != null) {
        throw new Conflict(kind.noun + " " + id + " was erased; it cannot change");
      }
      ObjectNode merged = mapper.valueToTree(kind.intakeOf(current));
      patch.fields().forEachRemaining(field -> {
        if (!field.getKey().equals("status")) {
          merged.set(field.getKey(), field.getValue());
        }
      });
      I intake;
      try {
        intake = mapper.treeToValue(merged, kind.intakeType);
      } catch (JsonProcessingException e) {
        throw JsonProblems.toValidation(e);
      }
      kind.check(intake).throwIfAny();
      S status = kind.statusOf(current);
      if (wantedStatus != null) {
        S next = kind.parseStatus(wantedStatus);
        if (next != status && !kind.canMove(status, next)) {
          throw new Conflict(kind.noun + " " + id + " is " + wire(status) + "; it cannot move to " + wire(next),
              List.of(new ApiError.Problem("status", "is " + wire(status))));
        }
        status = next;
      }
      String refusal = kind.refusal(current, intake, status);
      if (refusal != null) {
        throw new Conflict(refusal);
      }
      T next = kind.apply(current, intake, status, clock.instant());
      if (repository.update(tenant, current, next)) {
        return next;
      }
      if (ifMatch.isPresent()) {
        throw new PreconditionFailed(kind.noun + " " + id + " changed meanwhile; read it again");
      }
      if (attempt >= ATTEMPTS) {
        throw new Conflict(kind.noun + " " + id + " keeps changing; try again");
      }
      Backoff.pause(attempt);
    }
  }

  private <T extends Participant, I, S extends Enum<S>> ScreeningAnswer screen(ParticipantKind<T, I, S> kind,
      ParticipantRepository<T> repository, TenantScope tenant, String id, List<EligibilityRule> rules) {
    for (int attempt = 1; ; attempt++) {
      T current = find(kind, repository, tenant, id);
      if (current.erasedAt() != null) {
        throw new Conflict(kind.noun + " " + id + " was erased; it cannot be screened");
      }
      S status = kind.statusOf(current);
      if (!kind.screenable(status)) {
        throw new Conflict(kind.noun + " " + id + " is " + wire(status) + "; only a " + kind.noun
            + " not yet ready can be screened", List.of(new ApiError.Problem("status", "is " + wire(status))));
      }
      Instant now = clock.instant();
      Eligibility.Result result = Eligibility.evaluate(rules, kind.facts(current));
      T next = kind.screened(current, new Screening(result.eligible(), result.reasons(), now), now);
      if (repository.update(tenant, current, next)) {
        return new ScreeningAnswer(id, result.eligible(), result.reasons(), next.statusName(), next.version());
      }
      if (attempt >= ATTEMPTS) {
        throw new Conflict(kind.noun + " " + id + " keeps changing; try again");
      }
      Backoff.pause(attempt);
    }
  }

  private static String statusFilter(Optional<String> status, Enum<?>[] values) {
    if (status.isEmpty()) {
      return null;
    }
    List<String> allowed = ParticipantKind.wireNames(values);
    if (!allowed.contains(status.get())) {
      throw ValidationFailed.of("status", "must be one of " + String.join(", ", allowed));
    }
    return status.get();
  }

  private static String wire(Enum<?> status) {
    return status.name().toLowerCase(java.util.Locale.ROOT);
  }
}
