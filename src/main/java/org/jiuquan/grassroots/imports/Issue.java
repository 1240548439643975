package org.jiuquan.grassroots.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with (or worth knowing about) an imported file, placed where a person can fix it: the
 * file, the sheet (Excel), the row as a spreadsheet numbers it (the header is row 1) and the column as
 * the file names it. The message is a key of messages.properties with its arguments, shown in the
 * reader's language.
 */
public record Issue(boolean error, String file, @Nullable String sheet, @Nullable Integer row,
                    @Nullable String column, String key, List<String> args) {

    static Issue error(SourceTable.Place place, @Nullable String column, String key, Object... args) {
        return new Issue(true, place.file(), place.sheet(), place.row(), column, key, texts(args));
    }

    static Issue warning(SourceTable.Place place, @Nullable String column, String key, Object... args) {
        return new Issue(false, place.file(), place.sheet(), place.row(), column, key, texts(args));
    }

    static List<String> texts(Object... args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }
}
