package org.tandem.relationships;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an employment outcome is taken: at exit ({@code exit}), or a number of months after the
 * mentee left the program ({@code 3_months}).
 */
public record Checkpoint(int months) {
  public static final Checkpoint EXIT = new Checkpoint(0);
  private static final Pattern MONTHS = Pattern.compile("([1-9][0-9]?)_months?");

  public Checkpoint {
    if (months < 0 || months > 60) {
      throw new IllegalArgumentException("months must be between 0 and 60: " + months);
    }
  }

  /** The checkpoint a wire name names, if it is one. */
  public static Optional<Checkpoint> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    if (name.equals("exit")) {
      return Optional.of(EXIT);
    }
    Matcher m = MONTHS.matcher(name);
    if (!m.matches() || Integer.parseInt(m.group(1)) > 60) {
      return Optional.empty();
    }
    Checkpoint checkpoint = new Checkpoint(Integer.parseInt(m.group(1)));
    return checkpoint.wireName().equals(name) ? Optional.of(checkpoint) : Optional.empty();
  }

  /** The checkpoints a program follows: exit, then its follow-up months. */
  public static List<Checkpoint> of(List<Integer> followupMonths) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(EXIT),
        followupMonths.stream().map(Checkpoint::new)).toList();
  }

  public String wireName() {
    return months == 0 ? "exit" : months == 1 ? "1_month" : months + "_months";
  }

  /** The day this checkpoint falls on for a mentee who left on {@code exit}. */
  public LocalDate dueOn(LocalDate exit) {
    return exit.plusMonths(months);
  }

  @Override
  public String toString() {
    return wireName();
  }
}
