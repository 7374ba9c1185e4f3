package org.tandem.functions.relationships;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.tandem.relationships.Certificate;
import org.tandem.relationships.CertificateRenderer;

/** Renders a certificate of completion as a one-page, landscape Letter PDF with embedded fonts. */
public final class PdfCertificates implements CertificateRenderer {
  static final PDRectangle PAGE =
      new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());
  /** Text stays this far from the page edges, well inside the border. */
  static final float TEXT_MARGIN = 84;
  private static final float TEXT_WIDTH = PAGE.getWidth() - 2 * TEXT_MARGIN;
  private static final float CONTENT_TOP = PAGE.getHeight() - 66;
  private static final float CONTENT_BOTTOM = 78;
  private static final float FOOTER_BASELINE = 50;
  private static final float LEADING = 1.25f;
  private static final float[] INK = {0.12f, 0.14f, 0.17f};
  private static final float[] ACCENT = {0.13f, 0.31f, 0.42f};
  private static final String ELLIPSIS = "\u2026";
  private static final char NBSP = '\u00A0';
  static final int MAX_FIELD = 400;

  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.CANADA);
  private static final DateTimeFormatter FR_DATE =
      DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.CANADA_FRENCH);

  /** Makes a renderer; the fonts are read from the classpath once, on the first render. */
  public PdfCertificates() {}

  @Override
  public String contentType() {
    return "application/pdf";
  }

  @Override
  public byte[] render(Certificate certificate) {
    Wording wording = Wording.of(certificate);
    // A document per render: PDDocument and its fonts are not thread-safe, the font bytes are.
    try (PDDocument document = new PDDocument()) {
      Fonts fonts = Fonts.load(document);
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      describe(document, certificate, wording);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        drawBorder(content);
        drawBody(content, layOut(wording, fonts));
        Block footer = fit(wording.reference(), fonts.regular(), 9, 6, 1);
        drawLine(content, footer, footer.lines().get(0), FOOTER_BASELINE);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the certificate of " + certificate.matchId(), e);
    }
  }

  private static void describe(PDDocument document, Certificate certificate, Wording wording) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(wording.title() + " \u2014 " + certificate.menteeName());
    info.setSubject(certificate.menteeName() + " " + wording.completed());
    info.setAuthor(certificate.programName());
    info.setCreator("Tandem");
    // Noon UTC keeps the issue date on the same calendar day in every Canadian time zone.
    info.setCreationDate(GregorianCalendar.from(
        certificate.issuedOn().atTime(LocalTime.NOON).atZone(ZoneOffset.UTC)));
    document.getDocumentCatalog().setLanguage(certificate.language() + "-CA");
    // Viewers then show the title, not the file name, in the window and to screen readers.
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    document.getDocumentCatalog().setViewerPreferences(preferences);
  }

  /** The blocks of the certificate, top to bottom, each with the space to leave after it. */
  private static List<Spaced> layOut(Wording wording, Fonts fonts) throws IOException {
    // A name shrinks before it wraps: on one line it reads as a name, not as a paragraph.
    Block name = fitOrNull(wording.mentee(), fonts.bold(), 40, 24, 1);
    if (name == null) {
      name = fit(wording.mentee(), fonts.bold(), 24, 16, 2);
    }
    return List.of(
        new Spaced(fit(wording.title(), fonts.bold(), 34, 22, 1), 26),
        new Spaced(fit(wording.lead(), fonts.italic(), 16, 12, 1), 12),
        new Spaced(name, 16),
        new Spaced(completed(wording, fonts.regular()), 10),
        new Spaced(fit(wording.formatAndDates(), fonts.regular(), 16, 12, 2), 4),
        new Spaced(fit(wording.hours(), fonts.regular(), 16, 12, 1), 26),
        new Spaced(fit(wording.issued(), fonts.italic(), 13, 10, 1), 0));
  }

  /**
   * The sentence on at most three lines; a program name too long for them is shortened, rather
   * than the sentence's end, so the mentor's name is always there.
   */
  private static Block completed(Wording wording, PDFont font) throws IOException {
    String program = wording.program();
    Block block = fitOrNull(wording.completed(program), font, 16, 12, 3);
    while (block == null && !program.isEmpty()) {
      int keep = program.codePointCount(0, program.length()) * 9 / 10;
      program = program.substring(0, program.offsetByCodePoints(0, keep)).strip();
      block = fitOrNull(wording.completed(program + ELLIPSIS), font, 16, 12, 3);
    }
    return block != null ? block : fit(wording.completed(program), font, 16, 12, 3);
  }

  private static void drawBorder(PDPageContentStream content) throws IOException {
    content.setStrokingColor(ACCENT[0], ACCENT[1], ACCENT[2]);
    content.setLineWidth(2.5f);
    content.addRect(24, 24, PAGE.getWidth() - 48, PAGE.getHeight() - 48);
    content.stroke();
    content.setLineWidth(0.75f);
    content.addRect(31, 31, PAGE.getWidth() - 62, PAGE.getHeight() - 62);
    content.stroke();
  }

  /** Centres the blocks as a whole between the top of the border and the footer. */
  private static void drawBody(PDPageContentStream content, List<Spaced> blocks)
      throws IOException {
    float height = 0;
    for (Spaced spaced : blocks) {
      height += spaced.block().height() + spaced.after();
    }
    float top = Math.min(CONTENT_TOP, (CONTENT_TOP + CONTENT_BOTTOM + height) / 2);
    for (Spaced spaced : blocks) {
      Block block = spaced.block();
      float leading = block.size() * LEADING;
      for (int i = 0; i < block.lines().size(); i++) {
        // The baseline sits about an ascent below the top of each line's box.
        drawLine(content, block, block.lines().get(i), top - i * leading - block.size() * 0.95f);
      }
      top -= block.height() + spaced.after();
    }
  }

  private static void drawLine(PDPageContentStream content, Block block, String line,
      float baseline) throws IOException {
    float x = (PAGE.getWidth() - width(line, block.font(), block.size())) / 2;
    content.beginText();
    content.setNonStrokingColor(INK[0], INK[1], INK[2]);
    content.setFont(block.font(), block.size());
    content.newLineAtOffset(x, baseline);
    content.showText(line);
    content.endText();
  }

  /** The text on at most maxLines lines at the largest size from max down to min, or null. */
  static Block fitOrNull(String text, PDFont font, float max, float min, int maxLines)
      throws IOException {
    String drawable = drawable(text, font);
    for (float size = max; size >= min; size -= 1) {
      List<String> lines = wrap(drawable, font, size, TEXT_WIDTH);
      if (lines.size() <= maxLines) {
        return new Block(lines, font, size);
      }
    }
    return null;
  }

  /** As {@link #fitOrNull}, but at min the text is cut short with an ellipsis: it never overflows. */
  static Block fit(String text, PDFont font, float max, float min, int maxLines)
      throws IOException {
    Block fitted = fitOrNull(text, font, max, min, maxLines);
    if (fitted != null) {
      return fitted;
    }
    List<String> lines = wrap(drawable(text, font), font, min, TEXT_WIDTH);
    List<String> kept = new ArrayList<>(lines.subList(0, maxLines - 1));
    // The last line takes what is left, cut between code points: a short label followed by one
    // long word would otherwise show the label alone.
    String rest = String.join(" ", lines.subList(maxLines - 1, lines.size()));
    float room = TEXT_WIDTH - width(ELLIPSIS, font, min);
    kept.add(rest.substring(0, fittingPrefix(rest, font, min, room)).strip() + ELLIPSIS);
    return new Block(List.copyOf(kept), font, min);
  }

  /** Greedy wrapping at spaces; a word wider than the line is broken between code points. */
  static List<String> wrap(String text, PDFont font, float size, float maxWidth)
      throws IOException {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(candidate, font, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line);
      }
      while (width(word, font, size) > maxWidth) {
        int cut = fittingPrefix(word, font, size, maxWidth);
        lines.add(word.substring(0, cut));
        word = word.substring(cut);
      }
      line = word;
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line);
    }
    return lines;
  }

  /** The length of the longest prefix that fits, but at least one code point to make progress. */
  private static int fittingPrefix(String word, PDFont font, float size, float maxWidth)
      throws IOException {
    int end = word.offsetByCodePoints(0, 1);
    while (end < word.length()) {
      int next = word.offsetByCodePoints(end, 1);
      if (width(word.substring(0, next), font, size) > maxWidth) {
        break;
      }
      end = next;
    }
    return end;
  }

  static float width(String text, PDFont font, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /**
   * The text with every code point the font has no glyph for replaced by its base letters when
   * those have glyphs (a full-width Ｌ is still L), else by a question mark: PDFBox refuses to
   * show text with a missing glyph rather than draw a blank box.
   */
  static String drawable(String text, PDFont font) {
    String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(composed.length());
    composed.codePoints().forEach(codePoint -> {
      if (canDraw(font, codePoint)) {
        out.appendCodePoint(codePoint);
        return;
      }
      String base = baseLetters(codePoint);
      if (!base.isEmpty() && base.codePoints().allMatch(c -> canDraw(font, c))) {
        out.append(base);
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }

  private static String baseLetters(int codePoint) {
    String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD);
    StringBuilder base = new StringBuilder(decomposed.length());
    // Marks go: PDFBox does no mark positioning, and a bare letter reads better than a stray accent.
    decomposed.codePoints().filter(c -> !isMark(c)).forEach(base::appendCodePoint);
    String result = base.toString();
    return result.equals(Character.toString(codePoint)) ? "" : result;
  }

  private static boolean isMark(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean canDraw(PDFont font, int codePoint) {
    try {
      font.encode(Character.toString(codePoint));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /**
   * Names and program names as typed: any run of white space or control characters becomes one
   * space, and invisible formatting characters go, so they neither wrap nor print oddly. Past
   * {@value #MAX_FIELD} characters nothing more could fit on the page, so nothing more is kept.
   */
  static String tidy(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_FIELD));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() < MAX_FIELD; ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
          || Character.isISOControl(codePoint)) {
        space = out.length() > 0;
      } else if (Character.getType(codePoint) != Character.FORMAT) {
        if (space) {
          if (out.length() + 1 >= MAX_FIELD) {
            break;
          }
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(codePoint);
      }
    }
    return out.toString();
  }

  /** Hours with at most one decimal and no trailing ".0", in the language's decimal separator. */
  static String hours(double hours, String language) {
    if (!Double.isFinite(hours) || hours < 0) {
      throw new IllegalArgumentException("hoursMet must be a finite, non-negative number: " + hours);
    }
    BigDecimal rounded = BigDecimal.valueOf(hours).setScale(1, RoundingMode.HALF_UP);
    String number = rounded.stripTrailingZeros().toPlainString();
    if (language.equals("fr")) {
      // French keeps the noun singular below two: 1 heure, 1,5 heure, 2 heures.
      String unit = rounded.compareTo(BigDecimal.valueOf(2)) < 0 ? "heure" : "heures";
      return number.replace('.', ',') + " " + unit + " de mentorat";
    }
    String unit = rounded.compareTo(BigDecimal.ONE) == 0 ? "hour" : "hours";
    return number + " " + unit + " of mentoring";
  }

  /** A long-form date: "March 3, 2026" or "3 mars 2026", with the French "1er" for the first. */
  static String date(LocalDate date, String language) {
    if (language.equals("fr")) {
      String formatted = FR_DATE.format(date);
      return date.getDayOfMonth() == 1 && formatted.startsWith("1 ")
          ? "1er" + formatted.substring(1)
          : formatted;
    }
    return EN_DATE.format(date);
  }

  static String format(String format, String language) {
    boolean fr = language.equals("fr");
    return switch (format) {
      case "one_on_one" -> fr ? "Mentorat individuel" : "One-on-one mentoring";
      case "group" -> fr ? "Mentorat de groupe" : "Group mentoring";
      case "connector" -> fr ? "Rencontre de réseautage" : "Connector meeting";
      case "employer_hosted" -> fr ? "Mentorat en entreprise" : "Employer-hosted mentoring";
      default -> throw new IllegalArgumentException("unknown mentoring format: " + format);
    };
  }

  /** "de Marie" but "d’Amélie": French elides the preposition before a vowel or a mute h. */
  private static String deFr(String name) {
    String stripped = Normalizer.normalize(name, Normalizer.Form.NFD);
    char first = stripped.isEmpty() ? ' ' : Character.toLowerCase(stripped.charAt(0));
    return ("aeiouyh".indexOf(first) >= 0 ? "d\u2019" : "de ") + name;
  }

  /** Everything the certificate says, in its language. */
  record Wording(String language, String title, String lead, String mentee, String mentor,
      String program, String formatAndDates, String hours, String issued, String reference) {

    /** The sentence after the mentee's name, with the program's name as given. */
    String completed(String programShown) {
      return language.equals("fr")
          ? "a terminé le programme de mentorat \u00AB" + NBSP + programShown + NBSP
              + "\u00BB avec l\u2019accompagnement " + deFr(mentor) + "."
          : "has completed the mentoring program of " + programShown + " with mentor " + mentor + ".";
    }

    String completed() {
      return completed(program);
    }

    static Wording of(Certificate c) {
      String lang = c.language();
      String mentee = tidy(c.menteeName());
      String mentor = tidy(c.mentorName());
      String program = tidy(c.programName());
      String format = format(c.format(), lang);
      String from = date(c.startDate(), lang);
      String to = date(c.endDate(), lang);
      String issued = date(c.issuedOn(), lang);
      String reference = tidy(c.matchId());
      if (lang.equals("fr")) {
        return new Wording(lang,
            "Certificat de réussite",
            "Le présent certificat atteste que",
            mentee,
            mentor,
            program,
            format + ", du " + from + " au " + to,
            PdfCertificates.hours(c.hoursMet(), lang),
            "Délivré le " + issued,
            "Référence du certificat" + NBSP + ": " + reference);
      }
      return new Wording(lang,
          "Certificate of Completion",
          "This certifies that",
          mentee,
          mentor,
          program,
          format + ", from " + from + " to " + to,
          PdfCertificates.hours(c.hoursMet(), lang),
          "Issued on " + issued,
          "Certificate reference: " + reference);
    }
  }

  /** Lines of centred text in one font and size. */
  record Block(List<String> lines, PDFont font, float size) {
    float height() {
      return lines.size() * size * LEADING;
    }
  }

  private record Spaced(Block block, float after) {}

  /** The three faces of Liberation Serif, subset-embedded in one document. */
  private record Fonts(PDFont regular, PDFont bold, PDFont italic) {
    static Fonts load(PDDocument document) throws IOException {
      return new Fonts(Face.REGULAR.load(document), Face.BOLD.load(document),
          Face.ITALIC.load(document));
    }
  }

  /** A font file read from the classpath once; parsing and subsetting happen per document. */
  private enum Face {
    REGULAR("LiberationSerif-Regular.ttf"),
    BOLD("LiberationSerif-Bold.ttf"),
    ITALIC("LiberationSerif-Italic.ttf");

    private final byte[] bytes;

    Face(String file) {
      String resource = "/liberation/" + file;
      try (InputStream in = PdfCertificates.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("font missing from the classpath: " + resource);
        }
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("could not read the font " + resource, e);
      }
    }

    PDFont load(PDDocument document) throws IOException {
      // The buffer wraps the shared array, which nothing writes to; an InputStream would be
      // copied once more on top of the parser's own copy.
      return PDType0Font.load(document, new RandomAccessReadBuffer(bytes), true, false);
    }
  }
}
