package org.tandem.relationships;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.tandem.errors.Conflict;
import org.tandem.errors.ValidationFailed;
import org.tandem.matching.Match;
import org.tandem.matching.MatchStatus;
import org.tandem.participants.Mentee;
import org.tandem.participants.Mentor;
import org.tandem.participants.ParticipantRepository;
import org.tandem.tenancy.Tenant;
import org.tandem.tenancy.TenantRepository;
import org.tandem.tenancy.TenantScope;

/**
 * Certificates of completion: for a match closed because its objectives were met or its term
 * ended, in the mentee's preferred language unless another is asked for.
 */
public final class CertificateService {
  static final List<String> COMPLETED = List.of("objectives_met", "term_ended");

  private final RelationshipService relationships;
  private final ParticipantRepository<Mentee> mentees;
  private final ParticipantRepository<Mentor> mentors;
  private final TenantRepository tenants;
  private final CertificateRenderer renderer;
  private final Clock clock;

  @Inject
  public CertificateService(RelationshipService relationships, ParticipantRepository<Mentee> mentees,
      ParticipantRepository<Mentor> mentors, TenantRepository tenants, CertificateRenderer renderer, Clock clock) {
    this.relationships = relationships;
    this.mentees = mentees;
    this.mentors = mentors;
    this.tenants = tenants;
    this.renderer = renderer;
    this.clock = clock;
  }

  /** A rendered certificate and what it is named for download. */
  public record Document(String contentType, String fileName, String language, byte[] bytes) {}

  public Document certificate(TenantScope tenant, String matchId, Optional<String> lang) {
    if (lang.isPresent() && !lang.get().equals("en") && !lang.get().equals("fr")) {
      throw ValidationFailed.of("lang", "must be en or fr");
    }
    Match match = relationships.find(tenant, matchId);
    if (match.status() != MatchStatus.CLOSED || !COMPLETED.contains(match.ending().reason())) {
      String state = match.status() == MatchStatus.CLOSED
          ? "closed as " + match.ending().reason()
          : match.status().wireName();
      throw new Conflict("match " + matchId + " is " + state
          + "; a certificate is for a match closed as objectives_met or term_ended");
    }
    Mentee mentee = mentees.find(tenant, match.menteeId())
        .orElseThrow(() -> new Conflict("mentee " + match.menteeId() + " no longer exists"));
    Mentor mentor = mentors.find(tenant, match.mentorId())
        .orElseThrow(() -> new Conflict("mentor " + match.mentorId() + " no longer exists"));
    if (mentee.erasedAt() != null || mentor.erasedAt() != null) {
      throw new Conflict("the personal data of match " + matchId + "'s "
          + (mentee.erasedAt() != null ? "mentee" : "mentor") + " was erased; no certificate can name them");
    }
    Tenant program = tenants.find(tenant.id()).orElseThrow(() -> new IllegalStateException("no tenant " + tenant.id()));
    String language = lang.orElse("fr".equals(mentee.preferredLanguage()) ? "fr" : "en");
    LocalDate end = LocalDate.ofInstant(match.ending().at(), ZoneOffset.UTC);
    Certificate certificate = new Certificate(language, name(mentee.firstName(), mentee.lastName()),
        name(mentor.firstName(), mentor.lastName()), program.name(), match.format(), match.startDate(), end,
        Math.round(match.minutesMet() / 6.0) / 10.0, match.id(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    String file = (language.equals("fr") ? "attestation-" : "certificate-") + match.id() + ".pdf";
    return new Document(renderer.contentType(), file, language, renderer.render(certificate));
  }

  private static String name(String first, String last) {
    return (first + " " + last).trim();
  }
}
