package org.jiuquan.grassroots.security;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** An issued API token as listed to admins: never the token itself, which only its owner saw once. */
public record ApiToken(long id, String username, String name, OffsetDateTime createdAt,
                       @Nullable OffsetDateTime lastUsedAt, @Nullable OffsetDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
