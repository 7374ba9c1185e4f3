package org.tandem.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A suspended tenant's keys stop working at once; its data stays. A silo tenant whose table
 * AWS is still creating is {@code provisioning}: its keys exist but its requests are answered
 * 503 until the table is ready.
 */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  SUSPENDED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TenantStatus fromWire(String value) {
    for (TenantStatus status : values()) {
      if (status.wireName().equals(value)) {
        return status;
      }
    }
    return null;
  }
}
