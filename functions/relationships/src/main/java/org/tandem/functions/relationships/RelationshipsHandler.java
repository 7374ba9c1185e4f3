package org.tandem.functions.relationships;

import java.time.LocalDate;
import java.util.List;
import org.tandem.http.LambdaHttpHandler;
import org.tandem.relationships.Certificate;
import org.tandem.wiring.TandemConfig;

/** The Lambda entry point: an HTTP API event in, a response out. */
public final class RelationshipsHandler extends LambdaHttpHandler {
  /** Built once per execution environment, on first use, from Lambda's environment. */
  private static final class FromEnvironment {
    static final RelationshipsComponent COMPONENT =
        RelationshipsComponent.create(TandemConfig.fromEnvironment(System.getenv()));
  }

  public RelationshipsHandler() {
    this(FromEnvironment.COMPONENT, true);
  }

  /** A handler on a component built elsewhere: the local server and the tests. */
  public RelationshipsHandler(RelationshipsComponent component) {
    this(component, false);
  }

  private final RelationshipsComponent component;

  private RelationshipsHandler(RelationshipsComponent component, boolean register) {
    super(component.http(), register, "GET", "/v1/matches/mat_00000000000000000000000000/goals");
    this.component = component;
  }

  /**
   * A certificate rendered in each language before the snapshot: PDFBox and the embedded fonts
   * are a first render's 0.4 s, which a restored function then does not pay.
   */
  @Override
  protected void primeMore() {
    LocalDate day = LocalDate.of(2026, 1, 5);
    for (String language : List.of("en", "fr")) {
      component.certificates().render(new Certificate(language, "Priming Mentee", "Priming Mentor", "Priming",
          "one_on_one", day, day.plusWeeks(16), 24, "mat_00000000000000000000000000", day));
    }
  }
}
