package org.tandem.functions.relationships;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.relationships.Certificate;

class PdfCertificatesTest {
  private static final PdfCertificates RENDERER = new PdfCertificates();

  private static Certificate english(String mentee, String program) {
    return new Certificate("en", mentee, "Olena Koval", program, "one_on_one",
        LocalDate.of(2026, 3, 3), LocalDate.of(2026, 6, 26), 24, "m_01JQ7Z9K3T", LocalDate.of(2026, 6, 30));
  }

  private static Certificate french(String mentee, String mentor, double hours) {
    return new Certificate("fr", mentee, mentor, "Passerelle Emploi", "employer_hosted",
        LocalDate.of(2026, 3, 3), LocalDate.of(2026, 6, 26), hours, "m_01JQ7Z9K3U", LocalDate.of(2026, 7, 1));
  }

  /** The page's text with every run of white space, the no-break space included, as one space. */
  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00A0]+", " ").strip();
    }
  }

  @Test
  void isOneLandscapeLetterPage() throws IOException {
    byte[] pdf = RENDERER.render(english("Ștefan Popescu", "Passerelle Emploi"));

    assertEquals("application/pdf", RENDERER.contentType());
    assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(1, document.getNumberOfPages());
      PDPage page = document.getPage(0);
      PDRectangle box = page.getMediaBox();
      assertAll(
          () -> assertEquals(792, box.getWidth(), 0.01),
          () -> assertEquals(612, box.getHeight(), 0.01),
          () -> assertEquals(0, page.getRotation()));
    }
  }

  @Test
  void englishSaysWhoCompletedWhatWithWhomAndWhen() throws IOException {
    String text = text(RENDERER.render(english("Ștefan Popescu", "Passerelle Emploi")));

    assertAll(
        () -> assertTrue(text.contains("Certificate of Completion"), text),
        () -> assertTrue(text.contains("Ștefan Popescu"), text),
        () -> assertTrue(text.contains(
            "has completed the mentoring program of Passerelle Emploi with mentor Olena Koval."), text),
        () -> assertTrue(text.contains("One-on-one mentoring, from March 3, 2026 to June 26, 2026"), text),
        () -> assertTrue(text.contains("24 hours of mentoring"), text),
        () -> assertTrue(text.contains("Issued on June 30, 2026"), text),
        () -> assertTrue(text.contains("Certificate reference: m_01JQ7Z9K3T"), text));
  }

  @Test
  void frenchIsWrittenInCanadianFrench() throws IOException {
    String text = text(RENDERER.render(french("Françoise Lefèbvre-Œuvray", "Amélie Tremblay", 1.5)));

    assertAll(
        () -> assertTrue(text.contains("Certificat de réussite"), text),
        () -> assertTrue(text.contains("Le présent certificat atteste que"), text),
        () -> assertTrue(text.contains("Françoise Lefèbvre-Œuvray"), text),
        () -> assertTrue(text.contains("a terminé le programme de mentorat « Passerelle Emploi » "
            + "avec l’accompagnement d’Amélie Tremblay."), text),
        () -> assertTrue(text.contains("Mentorat en entreprise, du 3 mars 2026 au 26 juin 2026"), text),
        () -> assertTrue(text.contains("1,5 heure de mentorat"), text),
        () -> assertTrue(text.contains("Délivré le 1er juillet 2026"), text),
        () -> assertTrue(text.contains("Référence du certificat : m_01JQ7Z9K3U"), text),
        () -> assertFalse(text.contains("1.5"), text));
  }

  @Test
  void frenchPluralAndElision() throws IOException {
    String text = text(RENDERER.render(french("Olena Koval", "Marc Gagnon", 24)));

    assertAll(
        () -> assertTrue(text.contains("24 heures de mentorat"), text),
        () -> assertTrue(text.contains("avec l’accompagnement de Marc Gagnon."), text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "24    | en | 24 hours of mentoring",
      "1     | en | 1 hour of mentoring",
      "1.5   | en | 1.5 hours of mentoring",
      "0.5   | en | 0.5 hours of mentoring",
      "1.04  | en | 1 hour of mentoring",
      "2.25  | en | 2.3 hours of mentoring",
      "12.0  | en | 12 hours of mentoring",
      "24    | fr | 24 heures de mentorat",
      "1     | fr | 1 heure de mentorat",
      "1.5   | fr | 1,5 heure de mentorat",
      "2     | fr | 2 heures de mentorat",
      "2.5   | fr | 2,5 heures de mentorat",
      "0     | fr | 0 heure de mentorat"})
  void hoursHaveAtMostOneDecimal(double hours, String language, String expected) {
    assertEquals(expected, PdfCertificates.hours(hours, language));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
  void hoursMustBeAFiniteNonNegativeNumber(double hours) {
    assertThrows(IllegalArgumentException.class, () -> PdfCertificates.hours(hours, "en"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "one_on_one      | One-on-one mentoring      | Mentorat individuel",
      "group           | Group mentoring           | Mentorat de groupe",
      "connector       | Connector meeting         | Rencontre de réseautage",
      "employer_hosted | Employer-hosted mentoring | Mentorat en entreprise"})
  void formatsInWords(String format, String english, String french) {
    assertEquals(english, PdfCertificates.format(format, "en"));
    assertEquals(french, PdfCertificates.format(format, "fr"));
  }

  @Test
  void anUnknownFormatIsRefused() {
    Certificate certificate = new Certificate("en", "Ana Lima", "Olena Koval", "Passerelle Emploi",
        "speed_dating", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 6, 26), 24, "m_1", LocalDate.of(2026, 6, 30));

    assertThrows(IllegalArgumentException.class, () -> RENDERER.render(certificate));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ștefan Popescu", "Олена Коваль", "Françoise Lefèbvre-Œuvray",
      "Nguyễn Thị Hà", "Ελένη Παπαδοπούλου", "Łukasz Żółć", "Şükrü Öztürk"})
  void namesInLatinGreekAndCyrillicComeOutExactly(String name) throws IOException {
    String text = text(RENDERER.render(english(name, "Passerelle Emploi")));

    assertTrue(text.contains(name), text);
    assertFalse(text.contains("?"), text);
  }

  @Test
  void decomposedAccentsAreComposed() throws IOException {
    String text = text(RENDERER.render(english("Jose\u0301 Nu\u0301n\u0303ez", "Passerelle Emploi")));

    assertTrue(text.contains("José Núñez"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"王小明", "अनीता शर्मा", "김민준"})
  void scriptsTheFontLacksBecomeQuestionMarksRatherThanFailing(String name) throws IOException {
    String expected = name.replaceAll("\\S", "?");

    String text = text(RENDERER.render(english(name, "Passerelle Emploi")));

    assertTrue(text.contains(expected), text);
    assertTrue(text.contains("with mentor Olena Koval."), text);
  }

  @Test
  void compatibilityFormsFallBackToTheirBaseLetters() throws IOException {
    String text = text(RENDERER.render(english("Ｌｉｎ Ｗｅｉ", "Passerelle Emploi")));

    assertTrue(text.contains("Lin Wei"), text);
  }

  @Test
  void whiteSpaceAndInvisibleCharactersInNamesAreTidied() {
    assertEquals("Ana Maria Lima", PdfCertificates.tidy("  Ana\t\nMaria\u200B \u00A0Lima "));
  }

  @Test
  void absurdlyLongFieldsAreCappedBeforeBeingMeasured() {
    assertEquals(PdfCertificates.MAX_FIELD, PdfCertificates.tidy("a".repeat(100_000)).length());
    String words = PdfCertificates.tidy("Ana ".repeat(100_000));
    assertTrue(words.length() <= PdfCertificates.MAX_FIELD && words.endsWith("Ana"), words);
  }

  @Test
  void aLongProgramNameWrapsInsideTheMargins() throws IOException {
    String program = "Programme d’intégration professionnelle des personnes immigrantes qualifiées "
        + "de la grande région de Québec, de Chaudière-Appalaches et du Bas-Saint-Laurent";
    byte[] pdf = RENDERER.render(english("Ștefan Popescu", program));

    assertTrue(text(pdf).contains("the mentoring program of " + program + " with mentor Olena Koval."));
    assertInsideMargins(pdf);
  }

  @Test
  void anOverlongNameOrProgramIsShrunkWrappedAndCutShortInsideTheMargins() throws IOException {
    String mentee = "Maria da Conceição Aparecida dos Santos Oliveira Pereira de Albuquerque "
        + "Cavalcanti Wanderley Lins e Silva";
    String program = "Passerelle ".repeat(80) + "Unbrokenwordthatgoesonandonandonandonandonandonand"
        .repeat(8);
    byte[] pdf = RENDERER.render(english(mentee, program));

    String text = text(pdf);
    assertTrue(text.contains(mentee), text);
    assertTrue(text.contains("Passerelle Passerelle"), text);
    assertTrue(text.contains("… with mentor Olena Koval."), text);
    assertTrue(text.contains("24 hours of mentoring"), text);
    assertInsideMargins(pdf);
  }

  @Test
  void aWordWiderThanTheLineIsBrokenBetweenLetters() throws IOException {
    String word = "Mentoring".repeat(12);
    byte[] pdf = RENDERER.render(english("Ana Lima", word));

    assertTrue(text(pdf).replace(" ", "").contains(word));
    assertInsideMargins(pdf);
  }

  private static void assertInsideMargins(byte[] pdf) throws IOException {
    List<TextPosition> glyphs = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) throws IOException {
        glyphs.addAll(positions);
        super.writeString(text, positions);
      }
    };
    try (PDDocument document = Loader.loadPDF(pdf)) {
      stripper.getText(document);
    }
    assertFalse(glyphs.isEmpty());
    float left = PdfCertificates.TEXT_MARGIN - 0.5f;
    float right = PdfCertificates.PAGE.getWidth() - PdfCertificates.TEXT_MARGIN + 0.5f;
    for (TextPosition glyph : glyphs) {
      float x = glyph.getXDirAdj();
      float end = x + glyph.getWidthDirAdj();
      assertTrue(x >= left && end <= right,
          () -> "'" + glyph.getUnicode() + "' spans " + x + ".." + end + ", outside " + left + ".." + right);
      assertTrue(glyph.getYDirAdj() > 40 && glyph.getYDirAdj() < PdfCertificates.PAGE.getHeight() - 40,
          () -> "'" + glyph.getUnicode() + "' at y " + glyph.getYDirAdj());
    }
  }

  @Test
  void describesTheDocumentInItsLanguage() throws IOException {
    try (PDDocument en = Loader.loadPDF(RENDERER.render(english("Ștefan Popescu", "Passerelle Emploi")));
        PDDocument fr = Loader.loadPDF(RENDERER.render(french("Ana Lima", "Olena Koval", 3)))) {
      PDDocumentInformation info = en.getDocumentInformation();
      Calendar created = info.getCreationDate();
      created.setTimeZone(TimeZone.getTimeZone("America/Vancouver"));
      assertAll(
          () -> assertEquals("en-CA", en.getDocumentCatalog().getLanguage()),
          () -> assertEquals("fr-CA", fr.getDocumentCatalog().getLanguage()),
          () -> assertEquals("Certificate of Completion — Ștefan Popescu", info.getTitle()),
          () -> assertEquals("Passerelle Emploi", info.getAuthor()),
          () -> assertTrue(info.getSubject().contains("Ștefan Popescu has completed"), info.getSubject()),
          () -> assertEquals(LocalDate.of(2026, 6, 30), LocalDate.of(created.get(Calendar.YEAR),
              created.get(Calendar.MONTH) + 1, created.get(Calendar.DAY_OF_MONTH))),
          () -> assertEquals("Certificat de réussite — Ana Lima", fr.getDocumentInformation().getTitle()),
          () -> assertTrue(en.getDocumentCatalog().getViewerPreferences().displayDocTitle()));
    }
  }

  @Test
  void fontsAreSubsetAndEmbedded() throws IOException {
    try (PDDocument document = Loader.loadPDF(RENDERER.render(english("Олена Коваль", "Passerelle Emploi")))) {
      PDResources resources = document.getPage(0).getResources();
      List<PDFont> fonts = new ArrayList<>();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
      assertEquals(3, fonts.size());
      for (PDFont font : fonts) {
        assertInstanceOf(PDType0Font.class, font);
        assertTrue(font.isEmbedded(), font.getName());
        // A subset's name carries a six-letter tag: only the glyphs used are in the file.
        assertTrue(font.getName().matches("[A-Z]{6}\\+LiberationSerif.*"), font.getName());
      }
    }
  }

  @Test
  void rendersConcurrently() throws Exception {
    List<String> names = List.of("Ștefan Popescu", "Олена Коваль", "Françoise Lefèbvre-Œuvray",
        "Nguyễn Thị Hà", "Ana Lima", "王小明", "Ελένη Παπαδοπούλου", "Łukasz Żółć");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<byte[]>> renders = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        Certificate certificate = i % 2 == 0
            ? english(names.get(i % names.size()), "Passerelle Emploi")
            : french(names.get(i % names.size()), "Amélie Tremblay", i);
        Callable<byte[]> render = () -> {
          start.await();
          return RENDERER.render(certificate);
        };
        renders.add(pool.submit(render));
      }
      start.countDown();
      for (int i = 0; i < renders.size(); i++) {
        String name = names.get(i % names.size());
        String text = text(renders.get(i).get(60, TimeUnit.SECONDS));
        assertTrue(text.contains(name.equals("王小明") ? "???" : name), text);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
