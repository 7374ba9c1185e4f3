package org.tandem.matching;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A match with its progress: hours met against the target, goals, check-ins. */
public record MatchView(@JsonUnwrapped Match match, Progress progress) {

  /**
   * @param onPace whether the hours met keep up with the share of the term gone by; null unless active
   * @param nextCheckinDue the last check-in (or the start) plus the program's interval; null unless active
   */
  public record Progress(double targetHours, double hoursMet, Boolean onPace, int meetings, int goalsTotal,
      int goalsAchieved, Instant lastCheckinAt, LocalDate nextCheckinDue) {}

  public static MatchView of(Match match, LocalDate today) {
    double target = match.targetMinutes() / 60.0;
    double met = match.minutesMet() / 60.0;
    Boolean onPace = null;
    LocalDate nextCheckin = null;
    if (match.status() == MatchStatus.ACTIVE && match.startDate() != null) {
      long term = Math.max(1, ChronoUnit.DAYS.between(match.startDate(), match.plannedEndDate()));
      long gone = Math.min(term, Math.max(0, ChronoUnit.DAYS.between(match.startDate(), today)));
      onPace = match.minutesMet() >= (long) match.targetMinutes() * gone / term;
      LocalDate from = match.lastCheckinAt() == null
          ? match.startDate()
          : LocalDate.ofInstant(match.lastCheckinAt(), java.time.ZoneOffset.UTC);
      nextCheckin = from.plusDays(match.checkinIntervalDays());
    }
    return new MatchView(match, new Progress(round(target), round(met), onPace, match.meetings(), match.goalsTotal(),
        match.goalsAchieved(), match.lastCheckinAt(), nextCheckin));
  }

  private static double round(double hours) {
    return Math.round(hours * 100) / 100.0;
  }
}
