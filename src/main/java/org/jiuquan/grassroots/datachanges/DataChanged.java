package org.jiuquan.grassroots.datachanges;

/**
 * The data (organisations, statuses, contact points, leaders, indicator values) changed in the database,
 * through this instance or another one. {@code version} is the new data version, or -1 when it is unknown
 * (the listener reconnected and may have missed announcements): a cache then forgets everything.
 */
public record DataChanged(long version) {

    public static final long UNKNOWN_VERSION = -1;
}
