package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.ApiTokenRecord;
import io.fleetplan.application.port.out.ApiTokens;
import io.fleetplan.domain.access.ApiToken;
import io.fleetplan.domain.access.Role;
import io.fleetplan.domain.shared.TenantId;
import org.jooq.Condition;

import java.util.List;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.API_TOKEN;

/** API tokens by name, with an index on the secret's hash for the lookup every request makes. */
final class DbApiTokens implements ApiTokens {
    private final Transactions tx;
    private final Versioned<ApiTokenRecord> rows = new Versioned<>("token", API_TOKEN, API_TOKEN.VERSION);

    DbApiTokens(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(ApiToken token) {
        rows.insert(tx.dsl(), row(token), key(token.name()), token.name());
    }

    @Override
    public Optional<ApiToken> find(String name) {
        return tx.dsl().selectFrom(API_TOKEN).where(key(name)).fetchOptional(DbApiTokens::token);
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        return tx.dsl().selectFrom(API_TOKEN).where(API_TOKEN.SECRET_HASH.eq(secretHash)).orderBy(API_TOKEN.NAME)
                .limit(1).fetchOptional(DbApiTokens::token);
    }

    @Override
    public long update(ApiToken token) {
        return rows.update(tx.dsl(), row(token), key(token.name()), token.name(), token.version());
    }

    @Override
    public List<ApiToken> all() {
        return tx.dsl().selectFrom(API_TOKEN).orderBy(API_TOKEN.NAME).fetch(DbApiTokens::token);
    }

    private static Condition key(String name) {
        return API_TOKEN.NAME.eq(name);
    }

    private static ApiTokenRecord row(ApiToken t) {
        ApiTokenRecord row = new ApiTokenRecord();
        row.setName(t.name());
        row.setRole(t.role().name());
        row.setTenantId(t.tenant().map(TenantId::value).orElse(null));
        row.setSecretHash(t.secretHash());
        row.setCreatedAt(Values.column(t.createdAt()));
        row.setRevokedAt(Values.column(t.revokedAt().orElse(null)));
        return row;
    }

    private static ApiToken token(ApiTokenRecord r) {
        return ApiToken.reconstitute(r.getName(), Role.valueOf(r.getRole()),
                r.getTenantId() == null ? null : TenantId.of(r.getTenantId()), r.getSecretHash(),
                Values.instant(r.getCreatedAt()), Values.instant(r.getRevokedAt()), r.getVersion());
    }
}
