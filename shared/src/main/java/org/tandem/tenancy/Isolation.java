package org.tandem.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a tenant shares ("pools") the data table with others or has its own ("silo"). */
public enum Isolation {
  POOL,
  SILO;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Isolation fromWire(String value) {
    for (Isolation isolation : values()) {
      if (isolation.wireName().equals(value)) {
        return isolation;
      }
    }
    return null;
  }
}
