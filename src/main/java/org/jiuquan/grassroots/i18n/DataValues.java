package org.jiuquan.grassroots.i18n;

import com.vaadin.flow.component.Component;

/**
 * Marks what a page shows as data rather than as words of the interface: names of organisations, leaders,
 * townships and users, titles and file names, which stay as written in either language. A marked element
 * carries the attribute {@code data-value}; a grid column's cells carry the part {@code data-value}. The
 * language tests read the marks, so they never have to guess what is data.
 */
public final class DataValues {

    public static final String MARK = "data-value";

    private DataValues() {
    }

    /** For {@code column.setPartNameGenerator(DataValues::part)}: every cell of the column is data. */
    public static <T> String part(T item) {
        return MARK;
    }

    /** Marks a component whose text is data. */
    public static <C extends Component> C mark(C component) {
        component.getElement().setAttribute(MARK, true);
        return component;
    }
}
