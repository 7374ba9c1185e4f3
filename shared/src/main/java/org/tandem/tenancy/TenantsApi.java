package org.tandem.tenancy;

import static org.tandem.auth.Role.ADMIN;
import static org.tandem.auth.Role.OPERATOR;
import static org.tandem.http.Route.roles;

import jakarta.inject.Inject;
import java.util.List;
import org.tandem.http.ApiRequest;
import org.tandem.http.PageRequest;
import org.tandem.http.Reply;
import org.tandem.http.Route;

/** The operator's tenant routes and the admins' key routes. */
public final class TenantsApi {
  private final TenantService tenants;
  private final KeyService keys;

  @Inject
  public TenantsApi(TenantService tenants, KeyService keys) {
    this.tenants = tenants;
    this.keys = keys;
  }

  public List<Route> routes() {
    return List.of(
        Route.create("/v1/tenants", roles(OPERATOR), this::onboardTenant),
        Route.get("/v1/tenants", roles(OPERATOR), this::listTenants),
        Route.get("/v1/tenants/{tenantId}", roles(OPERATOR), this::getTenant),
        Route.patch("/v1/tenants/{tenantId}", roles(OPERATOR), this::changeTenant),
        Route.create("/v1/keys", roles(ADMIN), this::createKey),
        Route.get("/v1/keys", roles(ADMIN), this::listKeys),
        Route.delete("/v1/keys/{keyId}", roles(ADMIN), this::revokeKey));
  }

  Reply onboardTenant(ApiRequest request) {
    TenantService.Onboarded onboarded = tenants.onboard(request.body(TenantService.Onboard.class));
    return Reply.created(onboarded)
        .etag(onboarded.tenant().version())
        .header("location", "/v1/tenants/" + onboarded.tenant().id())
        .replayAs(new TenantService.Onboarded(onboarded.tenant(), onboarded.adminKey().withoutKey()));
  }

  Reply listTenants(ApiRequest request) {
    return Reply.ok(tenants.list(PageRequest.from(request)));
  }

  Reply getTenant(ApiRequest request) {
    Tenant tenant = tenants.get(request.pathParameter("tenantId"));
    return Reply.ok(tenant).etag(tenant.version());
  }

  Reply changeTenant(ApiRequest request) {
    String tenantId = request.pathParameter("tenantId");
    tenants.get(tenantId);
    Tenant tenant = tenants.change(tenantId, request.body(TenantService.Change.class), request.ifMatch());
    return Reply.ok(tenant).etag(tenant.version());
  }

  Reply createKey(ApiRequest request) {
    ApiKey.Issued issued = keys.create(request.principal(), request.body(KeyService.Create.class));
    return Reply.created(issued)
        .header("location", "/v1/keys/" + issued.keyId())
        .replayAs(issued.withoutKey());
  }

  Reply listKeys(ApiRequest request) {
    return Reply.ok(keys.list(request.principal().scope(), PageRequest.from(request)));
  }

  Reply revokeKey(ApiRequest request) {
    keys.revoke(request.principal().scope(), request.pathParameter("keyId"));
    return Reply.noContent();
  }
}
