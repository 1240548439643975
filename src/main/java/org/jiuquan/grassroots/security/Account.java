package org.jiuquan.grassroots.security;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A user account as stored, without its password hash. */
public record Account(long id, String username, String displayName, Role role, boolean enabled,
                      int failedSignIns, @Nullable OffsetDateTime lockedUntil, boolean demo,
                      OffsetDateTime createdAt) {

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
