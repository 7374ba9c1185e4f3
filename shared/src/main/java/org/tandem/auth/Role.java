package org.tandem.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who a credential speaks for. */
public enum Role {
  OPERATOR,
  ADMIN,
  COORDINATOR,
  PARTNER;

  /** The name used on the wire and in the authorizer context. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this wire name, or null. */
  @JsonCreator
  public static Role fromWire(String value) {
    for (Role role : values()) {
      if (role.wireName().equals(value)) {
        return role;
      }
    }
    return null;
  }
}
