package org.jiuquan.grassroots.snapshot;

/**
 * A saved map view: a slide of a meeting. {@code query} is the dashboard's URL query of the view;
 * {@code shared}: everyone sees it, else only its author.
 */
public record Bookmark(long id, String title, String query, int position, String createdBy, boolean shared) {
}
