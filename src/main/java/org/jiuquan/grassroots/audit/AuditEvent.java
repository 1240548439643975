package org.jiuquan.grassroots.audit;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One row of the audit trail.
 *
 * @param actor  who did it (a username), or null when nobody was signed in
 * @param action what, as {@code area.verb}: see {@link AuditAction}
 * @param target what it was done to: a view, a user, a file
 * @param detail the parameters of the action, readable by a person
 */
public record AuditEvent(long id, OffsetDateTime at, @Nullable String actor, String action, @Nullable String target,
                         @Nullable String detail, @Nullable String clientAddress) {
}
