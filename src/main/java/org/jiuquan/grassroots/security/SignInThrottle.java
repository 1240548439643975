package org.jiuquan.grassroots.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down whoever guesses passwords, instead of locking the account for everyone: failures are counted
 * per account <em>and</em> client address, and after a few free attempts each further one must wait a delay
 * that doubles, up to a ceiling. The rightful user at another desk (another address) is not affected, and
 * neither are API tokens, which never pass through here. Kept in memory: a restart forgets the counts,
 * which only gives a guesser a few more attempts, and an outage of the database does not disable it.
 */
@Component
class SignInThrottle {

    /** More tracked sources than this and the ones idle longer than the longest delay are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SecuritySettings settings;
    private final Clock clock;

    SignInThrottle(SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long this source must still wait before its next attempt is even checked (zero: go ahead). */
    Duration waitBefore(String username, String clientAddress) {
        Failures seen = failures.get(key(username, clientAddress));
        if (seen == null) {
            return Duration.ZERO;
        }
        Duration remaining = Duration.between(clock.instant(), seen.last().plus(delayAfter(seen.count())));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** Counts a failed attempt; returns the delay the source now has to wait. */
    Duration failed(String username, String clientAddress) {
        if (failures.size() > PRUNE_ABOVE) {
            Instant horizon = clock.instant().minus(settings.signInMaxDelay());
            failures.values().removeIf(f -> f.last().isBefore(horizon));
        }
        Failures now = failures.merge(key(username, clientAddress), new Failures(1, clock.instant()),
                (old, fresh) -> new Failures(old.count() + 1, fresh.last()));
        return delayAfter(now.count());
    }

    void succeeded(String username, String clientAddress) {
        failures.remove(key(username, clientAddress));
    }

    /** No delay for the first free attempts; then the base delay, doubling with each failure, up to the ceiling. */
    Duration delayAfter(int failureCount) {
        int beyond = failureCount - settings.signInFreeAttempts();
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration delay = settings.signInDelay().multipliedBy(1L << Math.min(beyond - 1, 30));
        return delay.compareTo(settings.signInMaxDelay()) > 0 ? settings.signInMaxDelay() : delay;
    }

    private static String key(String username, String clientAddress) {
        return username.strip().toLowerCase(Locale.ROOT) + "\n" + clientAddress;
    }
}
