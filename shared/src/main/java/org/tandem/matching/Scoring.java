package org.tandem.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tandem.participants.Mentee;
import org.tandem.participants.Mentor;
import org.tandem.program.ProgramSettings;

/**
 * How well a mentor suits a mentee: a weighted sum of the criteria a program configures, each
 * criterion giving {@code round(weight x fraction)} points for a fraction in [0, 1], so that a
 * coordinator sees what every criterion gave.
 */
public final class Scoring {
  /** The criteria, in the order breakdowns list them. */
  public static final List<String> CRITERIA = ProgramSettings.CRITERIA;

  /** A breakdown in criterion order, however it was read (storage keeps no map order). */
  public static Map<String, Integer> inCriterionOrder(Map<String, Integer> breakdown) {
    if (breakdown == null || breakdown.isEmpty()) {
      return Map.of();
    }
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String criterion : CRITERIA) {
      if (breakdown.containsKey(criterion)) {
        ordered.put(criterion, breakdown.get(criterion));
      }
    }
    breakdown.forEach(ordered::putIfAbsent);
    return Collections.unmodifiableMap(ordered);
  }

  /**
   * Occupation fractions by the number of leading NOC 2021 digits two codes share (index 0 to 5).
   * NOC 2021 codes are five digits read from the left: the 1st digit is the broad occupational
   * category (e.g. 2, natural and applied sciences), the 2nd the TEER category (training,
   * education, experience and responsibilities); the first two together are the major group
   * (21, professional occupations in natural and applied sciences), three digits the sub-major
   * group (212), four the minor group (2123) and all five the unit group (21231, software
   * engineers and designers).
   */
  private static final double[] NOC_LADDER = {0.0, 0.1, 0.3, 0.5, 0.75, 1.0};
  private static final int NOC_DIGITS = 5;
  private static final int NAICS_DIGITS = 6;
  private static final int NAICS_SECTOR_DIGITS = 2;
  /** NAICS sectors that span several two-digit codes: manufacturing, retail trade, transportation and warehousing. */
  private static final List<String> NAICS_WIDE_SECTORS = List.of("313233", "4445", "4849");
  private static final double UNKNOWN_AVAILABILITY = 0.5;
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final int MIN_WORD_LENGTH = 3;
  private static final double ROUNDING_SLACK = 1e-9;

  /**
   * Words that say nothing about a field: English and French function words, and the words
   * nearly every statement of career goals shares, which would otherwise water the overlap down.
   */
  private static final Set<String> STOP_WORDS = Set.of(
      "about", "above", "after", "again", "against", "all", "also", "and", "any", "are", "because", "been",
      "before", "being", "below", "between", "both", "but", "can", "could", "did", "does", "doing", "down",
      "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "her", "here", "hers",
      "herself", "him", "himself", "his", "how", "into", "its", "itself", "just", "more", "most", "myself", "nor",
      "not", "now", "off", "once", "only", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
      "she", "should", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
      "there", "these", "they", "this", "those", "through", "too", "under", "until", "very", "was", "were",
      "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
      "yours", "yourself", "yourselves", "within", "using", "use", "well", "like", "want", "wish", "hope",
      "hoping", "looking", "seeking", "find", "finding", "get", "getting", "become", "becoming", "work",
      "working", "job", "jobs", "career", "position", "role", "field", "canada", "canadian", "new", "year",
      "years", "experience", "experienced",
      "les", "des", "une", "est", "dans", "pour", "par", "sur", "avec", "que", "qui", "aux", "son", "ses",
      "leur", "leurs", "mon", "mes", "nous", "vous", "ils", "elle", "elles", "pas", "plus", "mais", "comme",
      "cette", "ces", "sont", "etre", "avoir", "fait", "faire", "dont", "tres", "aussi", "travail", "travailler",
      "emploi", "poste", "carriere", "domaine", "trouver", "devenir", "souhaite", "veux", "voudrais", "annee",
      "annees");

  private Scoring() {}

  /** A mentor's score for a mentee and the points each criterion gave; the points add up to the score exactly. */
  public record Score(int total, Map<String, Integer> breakdown) {
    public Score {
      Objects.requireNonNull(breakdown, "breakdown == null");
      breakdown = Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
      int sum = breakdown.values().stream().mapToInt(Integer::intValue).sum();
      if (sum != total) {
        throw new IllegalArgumentException("breakdown adds up to " + sum + ", not " + total);
      }
    }
  }

  /** Empty when a hard filter rules the pair out. */
  public static Optional<Score> score(ProgramSettings settings, Mentee mentee, Mentor mentor) {
    return scorer(settings, mentee).score(mentor);
  }

  /** Scores mentors for one mentee, with the mentee's side worked out once. */
  static Scorer scorer(ProgramSettings settings, Mentee mentee) {
    return new Scorer(settings, mentee);
  }

  /** One mentee's side of the scoring, ready to be held against many mentors. */
  static final class Scorer {
    private final Mentee mentee;
    private final List<String> hardFilters;
    private final String[] criteria;
    private final int[] weights;
    private final Set<String> goalWords;
    private final Set<List<String>> keywordPhrases;

    private Scorer(ProgramSettings settings, Mentee mentee) {
      this.mentee = Objects.requireNonNull(mentee, "mentee == null");
      Objects.requireNonNull(settings, "settings == null");
      this.hardFilters = settings.hardFilters();
      List<String> weighed = new ArrayList<>();
      List<Integer> weightList = new ArrayList<>();
      for (String criterion : CRITERIA) {
        int weight = settings.matchingWeights().getOrDefault(criterion, 0);
        if (weight > 0) {
          weighed.add(criterion);
          weightList.add(weight);
        }
      }
      this.criteria = weighed.toArray(new String[0]);
      this.weights = weightList.stream().mapToInt(Integer::intValue).toArray();
      this.goalWords = contentWords(mentee.careerGoals());
      this.keywordPhrases = phrases(mentee.keywords());
    }

    /** Empty when a hard filter rules the pair out. */
    Optional<Score> score(Mentor mentor) {
      Objects.requireNonNull(mentor, "mentor == null");
      if (!passesHardFilters(hardFilters, mentee, mentor)) {
        return Optional.empty();
      }
      List<String> expertiseWords = null;
      Map<String, Integer> breakdown = new LinkedHashMap<>();
      int total = 0;
      for (int i = 0; i < criteria.length; i++) {
        double fraction;
        switch (criteria[i]) {
          case "occupation" -> fraction = occupation(mentee.nocCode(), mentor.nocCode());
          case "industry" -> fraction = industry(mentee.naicsCode(), mentor.naicsCode());
          case "language" -> fraction = language(mentee, mentor);
          case "location" -> fraction = location(mentee, mentor);
          case "goals" -> fraction = goalOverlap(goalWords, mentor.expertise(), mentor.jobTitle());
          case "keywords" -> {
            if (expertiseWords == null) {
              expertiseWords = words(mentor.expertise());
            }
            fraction = keywordOverlap(keywordPhrases, mentor.keywords(), expertiseWords);
          }
          case "availability" -> fraction = availability(mentee.availability(), mentor.availability());
          default -> throw new IllegalStateException("no scoring for criterion " + criteria[i]);
        }
        int points = points(weights[i], fraction);
        breakdown.put(criteria[i], points);
        total += points;
      }
      return Optional.of(new Score(total, breakdown));
    }
  }

  /** A criterion's points: its weight times the fraction earned, rounded half up. */
  static int points(int weight, double fraction) {
    if (fraction < 0 || fraction > 1 || Double.isNaN(fraction)) {
      throw new IllegalArgumentException("fraction " + fraction + " is not in [0, 1]");
    }
    // A product meant to be exactly n.5 may come out a hair under it in binary (0.3 x 35); the
    // fractions are ratios of small counts, so a true product is never this close below a half.
    return (int) Math.round(weight * fraction + ROUNDING_SLACK);
  }

  // ---------------------------------------------------------------- hard filters

  /** Whether the pair passes every hard filter the program set ({@code language}, {@code province}, {@code city}). */
  static boolean passesHardFilters(List<String> hardFilters, Mentee mentee, Mentor mentor) {
    for (String filter : hardFilters) {
      boolean passes = switch (filter) {
        case "language" -> sharesLanguage(mentee, mentor);
        case "province" -> sameProvince(mentee.province(), mentor.province());
        case "city" -> sameCity(mentee.city(), mentee.province(), mentor.city(), mentor.province());
        default -> true;
      };
      if (!passes) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- occupation

  /**
   * NOC 2021 closeness: 1.0 for the same unit group (5 shared leading digits), 0.75 for the same
   * minor group (4), 0.5 for the same sub-major group (3), 0.3 for the same major group (2), 0.1
   * for the same broad category (1), else 0. The code's digits read from the left: broad
   * category, TEER category (the two making the major group), then sub-major group, minor group
   * and unit group.
   */
  static double occupation(String menteeNoc, String mentorNoc) {
    if (menteeNoc == null || mentorNoc == null) {
      return 0;
    }
    return NOC_LADDER[Math.min(sharedPrefix(menteeNoc.trim(), mentorNoc.trim()), NOC_DIGITS)];
  }

  // ---------------------------------------------------------------- industry

  /**
   * NAICS closeness: 1.0 for the same code; otherwise shared leading digits / 6 when the two are
   * in the same sector (at least 2 shared digits, or two codes of one sector that spans several
   * two-digit codes, such as 31-33 manufacturing, which count as 2); else 0, as when either code
   * is missing.
   */
  static double industry(String menteeNaics, String mentorNaics) {
    if (menteeNaics == null || mentorNaics == null || menteeNaics.isBlank() || mentorNaics.isBlank()) {
      return 0;
    }
    String a = menteeNaics.trim();
    String b = mentorNaics.trim();
    if (a.equals(b)) {
      return 1;
    }
    int shared = Math.min(sharedPrefix(a, b), NAICS_DIGITS);
    if (shared < NAICS_SECTOR_DIGITS && sameWideSector(a, b)) {
      shared = NAICS_SECTOR_DIGITS;
    }
    return shared < NAICS_SECTOR_DIGITS ? 0 : (double) shared / NAICS_DIGITS;
  }

  private static boolean sameWideSector(String a, String b) {
    if (a.length() < NAICS_SECTOR_DIGITS || b.length() < NAICS_SECTOR_DIGITS) {
      return false;
    }
    String sectorA = a.substring(0, NAICS_SECTOR_DIGITS);
    String sectorB = b.substring(0, NAICS_SECTOR_DIGITS);
    for (String wide : NAICS_WIDE_SECTORS) {
      if (inWideSector(wide, sectorA) && inWideSector(wide, sectorB)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inWideSector(String wide, String sector) {
    for (int i = 0; i < wide.length(); i += NAICS_SECTOR_DIGITS) {
      if (wide.startsWith(sector, i)) {
        return true;
      }
    }
    return false;
  }

  private static int sharedPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  // ---------------------------------------------------------------- language

  /**
   * 1.0 when the mentor speaks the mentee's preferred language, 0.5 when the mentor speaks
   * another language the mentee speaks, else 0. A preferred language counts as spoken.
   */
  static double language(Mentee mentee, Mentor mentor) {
    Set<String> mentorSpeaks = spoken(mentor.languages(), mentor.preferredLanguage());
    String preferred = languageCode(mentee.preferredLanguage());
    if (preferred != null && mentorSpeaks.contains(preferred)) {
      return 1;
    }
    return sharesLanguage(mentee, mentor) ? 0.5 : 0;
  }

  /** Whether the mentor speaks at least one language the mentee speaks. */
  static boolean sharesLanguage(Mentee mentee, Mentor mentor) {
    Set<String> mentorSpeaks = spoken(mentor.languages(), mentor.preferredLanguage());
    for (String language : spoken(mentee.languages(), mentee.preferredLanguage())) {
      if (mentorSpeaks.contains(language)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> spoken(List<String> languages, String preferred) {
    Set<String> codes = new HashSet<>();
    for (String language : languages) {
      String code = languageCode(language);
      if (code != null) {
        codes.add(code);
      }
    }
    String code = languageCode(preferred);
    if (code != null) {
      codes.add(code);
    }
    return codes;
  }

  private static String languageCode(String language) {
    if (language == null || language.isBlank()) {
      return null;
    }
    return language.trim().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- location

  /** 1.0 in the same city, 0.5 in the same province, else 0. */
  static double location(Mentee mentee, Mentor mentor) {
    if (sameCity(mentee.city(), mentee.province(), mentor.city(), mentor.province())) {
      return 1;
    }
    return sameProvince(mentee.province(), mentor.province()) ? 0.5 : 0;
  }

  /**
   * Whether two places name the same city, ignoring case, accents, punctuation and surrounding
   * space. Two cities of one name in provinces known to differ (Kingston, ON and Kingston, NS)
   * are not the same.
   */
  static boolean sameCity(String cityA, String provinceA, String cityB, String provinceB) {
    String a = placeName(cityA);
    String b = placeName(cityB);
    if (a.isEmpty() || !a.equals(b)) {
      return false;
    }
    String pa = province(provinceA);
    String pb = province(provinceB);
    return pa == null || pb == null || pa.equals(pb);
  }

  /** Whether both provinces are known and the same. */
  static boolean sameProvince(String provinceA, String provinceB) {
    String a = province(provinceA);
    return a != null && a.equals(province(provinceB));
  }

  private static String placeName(String city) {
    return city == null ? "" : NON_WORD.matcher(fold(city)).replaceAll(" ").trim();
  }

  private static String province(String province) {
    return province == null || province.isBlank() ? null : province.trim().toUpperCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- goals

  /**
   * The share of the distinct words of the mentee's career goals found in the mentor's expertise
   * and job title, words compared lower-cased, without accents, in the singular, stop words and
   * words under three letters left out. No goals: 0.
   */
  static double goals(String careerGoals, String expertise, String jobTitle) {
    return goalOverlap(contentWords(careerGoals), expertise, jobTitle);
  }

  static double goalOverlap(Set<String> goalWords, String expertise, String jobTitle) {
    if (goalWords.isEmpty()) {
      return 0;
    }
    Set<String> field = contentWords(expertise);
    field.addAll(contentWords(jobTitle));
    int shared = 0;
    for (String word : goalWords) {
      if (field.contains(word)) {
        shared++;
      }
    }
    return Math.min(1.0, (double) shared / goalWords.size());
  }

  // ---------------------------------------------------------------- keywords

  /**
   * The share of the mentee's distinct keywords the mentor has, among the mentor's keywords or
   * as words (a phrase: consecutive words) of the mentor's expertise; no keywords: 0.
   */
  static double keywords(List<String> menteeKeywords, List<String> mentorKeywords, String expertise) {
    return keywordOverlap(phrases(menteeKeywords), mentorKeywords, words(expertise));
  }

  static double keywordOverlap(Set<List<String>> menteePhrases, List<String> mentorKeywords,
      List<String> expertiseWords) {
    if (menteePhrases.isEmpty()) {
      return 0;
    }
    Set<List<String>> mentorPhrases = phrases(mentorKeywords);
    int shared = 0;
    for (List<String> phrase : menteePhrases) {
      if (mentorPhrases.contains(phrase) || Collections.indexOfSubList(expertiseWords, phrase) >= 0) {
        shared++;
      }
    }
    return (double) shared / menteePhrases.size();
  }

  private static Set<List<String>> phrases(List<String> keywords) {
    Set<List<String>> phrases = new LinkedHashSet<>();
    if (keywords != null) {
      for (String keyword : keywords) {
        List<String> phrase = words(keyword);
        if (!phrase.isEmpty()) {
          phrases.add(phrase);
        }
      }
    }
    return phrases;
  }

  // ---------------------------------------------------------------- availability

  /** The share of the mentee's time slots the mentor also has; 0.5 when either lists none. */
  static double availability(List<String> menteeSlots, List<String> mentorSlots) {
    Set<String> mentee = new HashSet<>(menteeSlots);
    mentee.remove(null);
    Set<String> mentor = new HashSet<>(mentorSlots);
    mentor.remove(null);
    if (mentee.isEmpty() || mentor.isEmpty()) {
      return UNKNOWN_AVAILABILITY;
    }
    int shared = 0;
    for (String slot : mentee) {
      if (mentor.contains(slot)) {
        shared++;
      }
    }
    return (double) shared / mentee.size();
  }

  // ---------------------------------------------------------------- words

  /** Lower case without accents: {@code "Ingénieure"} becomes {@code "ingenieure"}. */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (isAscii(lower)) {
      return lower;
    }
    String replaced = lower.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
    return MARKS.matcher(Normalizer.normalize(replaced, Normalizer.Form.NFD)).replaceAll("");
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /** Every word of a text, folded and in the singular, in order. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    for (String token : NON_WORD.split(fold(text))) {
      if (!token.isEmpty()) {
        words.add(singular(token));
      }
    }
    return words;
  }

  /** The distinct words of a text that carry meaning: folded, singular, no stop words, none under three letters. */
  static Set<String> contentWords(String text) {
    Set<String> words = new HashSet<>();
    if (text == null) {
      return words;
    }
    for (String token : NON_WORD.split(fold(text))) {
      if (token.length() < MIN_WORD_LENGTH || STOP_WORDS.contains(token)) {
        continue;
      }
      String word = singular(token);
      if (word.length() >= MIN_WORD_LENGTH && !STOP_WORDS.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  /**
   * A simple plural folding, the same on both sides of a comparison: {@code companies ->
   * company}, {@code classes -> class}, {@code matches -> match}, {@code engineers -> engineer};
   * words in -ss, -us and -is ({@code business}, {@code status}, {@code analysis}) stay.
   */
  static String singular(String word) {
    int n = word.length();
    if (n <= 3 || !word.endsWith("s")) {
      return word;
    }
    if (word.endsWith("ies") && n > 4) {
      return word.substring(0, n - 3) + "y";
    }
    if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")
        || word.endsWith("zzes")) {
      return word.substring(0, n - 2);
    }
    if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
      return word;
    }
    return word.substring(0, n - 1);
  }
}
