package org.tandem.auth;

import java.util.Objects;
import org.tandem.tenancy.TenantScope;

/**
 * Who is calling, as the authorizer established it. The tenant comes from here and nowhere
 * else: no path, body or query parameter names a tenant.
 *
 * @param tenant the caller's tenant; null for the platform operator
 */
public record Principal(TenantScope tenant, Role role, String keyId) {
  public Principal {
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(keyId, "keyId == null");
    if ((role == Role.OPERATOR) != (tenant == null)) {
      throw new IllegalArgumentException("the operator, and only the operator, has no tenant");
    }
  }

  public static Principal operator() {
    return new Principal(null, Role.OPERATOR, "operator");
  }

  public boolean isOperator() {
    return role == Role.OPERATOR;
  }

  /** The caller's tenant; fails for the operator, whose routes name no tenant of their own. */
  public TenantScope scope() {
    if (tenant == null) {
      throw new IllegalStateException("the operator has no tenant scope");
    }
    return tenant;
  }
}
