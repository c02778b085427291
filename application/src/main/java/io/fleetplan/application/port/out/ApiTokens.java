package io.fleetplan.application.port.out;

import io.fleetplan.domain.access.ApiToken;

import java.util.List;
import java.util.Optional;

/** API tokens, found by name or by the hash of their secret. */
public interface ApiTokens {
    void add(ApiToken token);

    Optional<ApiToken> find(String name);

    Optional<ApiToken> findBySecretHash(String secretHash);

    long update(ApiToken token);

    /** Every token, by name. */
    List<ApiToken> all();
}
