package org.jiuquan.grassroots.cluster;

/** A user or an API token was added, changed or revoked, through this instance or another one. */
public record AccountsChanged() {
}
