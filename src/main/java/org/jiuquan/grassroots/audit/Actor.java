package org.jiuquan.grassroots.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who an audit row is about, as the caller knows it: the username (null when nobody is signed in, as for a
 * failed sign-in) and the client's address (null outside a request, as for a start-up task). The audit
 * trail never works this out itself: the service that records an action is handed its actor.
 */
public record Actor(@Nullable String username, @Nullable String clientAddress) {

    /** Nobody, from nowhere: start-up tasks and background jobs acting for no user. */
    public static final Actor SYSTEM = new Actor(null, null);
}
