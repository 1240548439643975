package org.jiuquan.grassroots.snapshot;

/** A saved map view: a slide of a meeting. {@code query} is the dashboard's URL query of the view. */
public record Bookmark(long id, String title, String query, int position, String createdBy) {
}
