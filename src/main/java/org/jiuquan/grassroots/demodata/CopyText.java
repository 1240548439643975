package org.jiuquan.grassroots.demodata;

import org.jspecify.annotations.Nullable;

/**
 * One row in COPY's text format: tab-separated, \N for null, backslash escapes. Shared by the dataset loader
 * and the import staging, which both feed PostgreSQL with COPY.
 */
public final class CopyText {

    private CopyText() {
    }

    public static void row(StringBuilder out, @Nullable Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object field = fields[i];
            if (field == null) {
                out.append("\\N");
                continue;
            }
            String text = field.toString();
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }
}
