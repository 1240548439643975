package org.jiuquan.grassroots.demodata;

import java.io.Reader;
import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * Rows for COPY, written out as the driver reads them: the whole table is never held as one string (1.5 million
 * statuses per period at 230 times the demo), and PostgreSQL parses the first rows while Java writes the next.
 */
final class CopyRows<T> extends Reader {

    private final Iterator<T> items;
    private final BiConsumer<StringBuilder, T> writeRow;
    private final StringBuilder pending = new StringBuilder(1 << 16);
    private int position;

    /** @param writeRow appends one item's row (or rows) in COPY's text format, see {@link CopyText} */
    CopyRows(Iterable<T> items, BiConsumer<StringBuilder, T> writeRow) {
        this.items = items.iterator();
        this.writeRow = writeRow;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (position == pending.length()) {
            pending.setLength(0);
            position = 0;
            while (pending.length() < (1 << 15) && items.hasNext()) {
                writeRow.accept(pending, items.next());
            }
            if (pending.isEmpty()) {
                return -1;
            }
        }
        int n = Math.min(length, pending.length() - position);
        pending.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    @Override
    public void close() {
        pending.setLength(0);
    }
}
