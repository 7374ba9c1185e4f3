package org.tandem.participants;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tandem.errors.Checks;

/**
 * What differs between mentees and mentors for the work they share (partial updates, status
 * steps, screening), so that work is written once.
 *
 * @param <T> the participant
 * @param <I> its intake fields
 * @param <S> its status
 */
abstract class ParticipantKind<T extends Participant, I, S extends Enum<S>> {
  final String noun;
  final String idPrefix;
  final Class<I> intakeType;
  final Set<String> fields;
  private final S[] statuses;

  ParticipantKind(String noun, String idPrefix, Class<I> intakeType, Set<String> fields, S[] statuses) {
    this.noun = noun;
    this.idPrefix = idPrefix;
    this.intakeType = intakeType;
    this.fields = fields;
    this.statuses = statuses;
  }

  abstract I intakeOf(T participant);

  abstract Checks check(I intake);

  abstract S statusOf(T participant);

  abstract S parseStatus(String wire);

  abstract boolean canMove(S from, S to);

  abstract boolean screenable(S status);

  abstract T apply(T participant, I intake, S status, Instant now);

  abstract T screened(T participant, Screening screening, Instant now);

  abstract Map<String, Object> facts(T participant);

  /** Why this change would break what matches hold, or null when it would not. */
  abstract String refusal(T participant, I intake, S next);

  String statusList() {
    return String.join(", ", Arrays.stream(statuses).map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList());
  }

  static final ParticipantKind<Mentee, MenteeIntake, MenteeStatus> MENTEE =
      new ParticipantKind<>("mentee", Mentee.ID_PREFIX, MenteeIntake.class, MenteeIntake.FIELDS,
          MenteeStatus.values()) {
        @Override
        MenteeIntake intakeOf(Mentee m) {
          return m.asIntake();
        }

        @Override
        Checks check(MenteeIntake intake) {
          return intake.check("");
        }

        @Override
        MenteeStatus statusOf(Mentee m) {
          return m.status();
        }

        @Override
        MenteeStatus parseStatus(String wire) {
          return MenteeStatus.fromWire(wire);
        }

        @Override
        boolean canMove(MenteeStatus from, MenteeStatus to) {
          return from.canMoveTo(to);
        }

        @Override
        boolean screenable(MenteeStatus status) {
          return MenteeStatus.SCREENABLE.contains(status);
        }

        @Override
        Mentee apply(Mentee m, MenteeIntake intake, MenteeStatus status, Instant now) {
          return m.withIntake(intake, status, now);
        }

        @Override
        Mentee screened(Mentee m, Screening screening, Instant now) {
          return m.screened(screening, now);
        }

        @Override
        Map<String, Object> facts(Mentee m) {
          return m.eligibilityFacts();
        }

        @Override
        String refusal(Mentee m, MenteeIntake intake, MenteeStatus next) {
          return next == MenteeStatus.WITHDRAWN && m.activeMatches() > 0
              ? "mentee " + m.id() + " has " + m.activeMatches() + " active match(es); close them first"
              : null;
        }
      };

  static final ParticipantKind<Mentor, MentorIntake, MentorStatus> MENTOR =
      new ParticipantKind<>("mentor", Mentor.ID_PREFIX, MentorIntake.class, MentorIntake.FIELDS,
          MentorStatus.values()) {
        @Override
        MentorIntake intakeOf(Mentor m) {
          return m.asIntake();
        }

        @Override
        Checks check(MentorIntake intake) {
          return intake.check();
        }

        @Override
        MentorStatus statusOf(Mentor m) {
          return m.status();
        }

        @Override
        MentorStatus parseStatus(String wire) {
          return MentorStatus.fromWire(wire);
        }

        @Override
        boolean canMove(MentorStatus from, MentorStatus to) {
          return from.canMoveTo(to);
        }

        @Override
        boolean screenable(MentorStatus status) {
          return MentorStatus.SCREENABLE.contains(status);
        }

        @Override
        Mentor apply(Mentor m, MentorIntake intake, MentorStatus status, Instant now) {
          return m.withIntake(intake, status, now);
        }

        @Override
        Mentor screened(Mentor m, Screening screening, Instant now) {
          return m.screened(screening, now);
        }

        @Override
        Map<String, Object> facts(Mentor m) {
          return m.eligibilityFacts();
        }

        @Override
        String refusal(Mentor m, MentorIntake intake, MentorStatus next) {
          return intake.capacity() != null && intake.capacity() < m.activeMentees()
              ? "mentor " + m.id() + " has " + m.activeMentees() + " active mentee(s); capacity cannot go below that"
              : null;
        }
      };

  static List<String> wireNames(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList();
  }
}
