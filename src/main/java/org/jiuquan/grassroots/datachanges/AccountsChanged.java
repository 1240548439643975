package org.jiuquan.grassroots.datachanges;

/** A user or an API token was added, changed or revoked, through this instance or another one. */
public record AccountsChanged() {
}
