package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.access.CreatedToken;
import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.access.Principal;
import io.fleetplan.application.port.in.access.TokenView;

import java.util.List;
import java.util.function.Consumer;

import static io.fleetplan.adapters.http.Route.Response.list;
import static io.fleetplan.adapters.http.Route.Response.one;

/**
 * API tokens, for admins: the secret is shown once, in the response that creates it. Creating
 * takes no Idempotency-Key, so that no secret is ever kept for a replay: token names are unique,
 * so a retried creation is refused as a conflict instead. Any token may ask who it is.
 */
final class TokenRoutes {
    private static final String TAG = "tokens";

    private TokenRoutes() {
    }

    /** The calling token: its name, role, and tenant (null for staff tokens). */
    record Me(String name, String role, String tenant) {
    }

    /** @param revoked told the name of every token revoked here, so that this process stops trusting it at once */
    static List<Route> routes(Endpoints e, Consumer<String> revoked) {
        return List.of(
                Route.get("/api/v1/me").id("getMe", "The calling token: its name, role and tenant").tag(TAG)
                        .access(Access.ANY_TOKEN).returns(one(200, Me.class))
                        .handle(call -> {
                            Principal caller = call.caller();
                            return Reply.ok(new Me(caller.name(), caller.role().name(), caller.tenant().orElse(null)))
                                    .with("Cache-Control", "no-store");
                        }),
                Route.get("/api/v1/tokens").id("listTokens", "List API tokens (never their secrets)").tag(TAG)
                        .access(Access.ADMIN).returns(list(TokenView.class))
                        .handle(call -> Reply.ok(new Listing.Items(e.manageTokens().tokens()))),
                Route.post("/api/v1/tokens").id("createToken", "Create an API token; its secret is shown once")
                        .tag(TAG).access(Access.ADMIN).body(ManageTokens.Command.class, ManageTokens.Command.class)
                        .returns(one(201, CreatedToken.class))
                        .handle(call -> {
                            CreatedToken created = e.manageTokens().create(call.caller().actor(),
                                    call.body(ManageTokens.Command.class));
                            return Reply.created(created, "/api/v1/tokens").with("Cache-Control", "no-store");
                        }),
                Route.post("/api/v1/tokens/{name}/revoke").id("revokeToken", "Revoke an API token").tag(TAG)
                        .access(Access.ADMIN).param(Param.path("name", "token name"))
                        .returns(one(200, TokenView.class))
                        .handle(call -> {
                            String name = call.path("name");
                            try {
                                return Reply.ok(e.manageTokens().revoke(call.caller().actor(), name));
                            } finally {
                                revoked.accept(name);
                            }
                        }));
    }
}
