package org.jiuquan.grassroots.audit;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One row of the audit trail.
 *
 * @param actor  who did it (a username), or null when nobody was signed in
 * @param action what, as {@code area.verb}: see {@link AuditAction}
 * @param target what it was done to: a view, a user, a file
 * @param detail the parameters of the action as free text: rows written before details had keys (V75)
 * @param described the parameters of the action as a message key and arguments, to be said in the reader's
 *                  language; for an older row, its free text read into the same form when it is a known phrasing
 */
public record AuditEvent(long id, OffsetDateTime at, @Nullable String actor, String action, @Nullable String target,
                         @Nullable String detail, @Nullable String clientAddress, @Nullable AuditDetail described) {
}
