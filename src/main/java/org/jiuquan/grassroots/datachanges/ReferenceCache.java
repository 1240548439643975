package org.jiuquan.grassroots.datachanges;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reference data read once and kept until the data changes: periods, indicators, districts and map styles
 * are asked for on every action (a PDF snapshot read the period three times and the indicators five), but
 * change only with an import, a status change, a restore or a dataset load. Entries are keyed on the
 * {@link DataVersionListener} generation, so a change heard from any app instance retires them all; while
 * changes cannot be heard, nothing is cached. Values must be immutable: they are shared between users.
 */
@Component
public class ReferenceCache {

    private record Key(long generation, String name, List<?> arguments) {
    }

    private final DataVersionListener changes;
    private final Cache<Key, Object> entries = Caffeine.newBuilder().maximumSize(1_000).build();

    ReferenceCache(DataVersionListener changes) {
        this.changes = changes;
    }

    /**
     * The value named {@code name} for these arguments (null allowed), loaded by {@code load} on the first
     * request since the data last changed.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String name, Supplier<T> load, @Nullable Object... arguments) {
        long generation = changes.generation();
        if (generation == DataVersionListener.UNKNOWN) {
            return load.get();
        }
        Key key = new Key(generation, name, Arrays.asList(arguments));
        Object cached = entries.getIfPresent(key);
        if (cached != null) {
            return (T) cached;
        }
        // Loaded outside the cache's own computation: a loader may read other cached values (a map style reads
        // the indicators), and a nested computation in the same cache fails with "Recursive update". Two
        // requests may both load once; both get the same data.
        T loaded = load.get();
        if (loaded != null) {
            entries.put(key, loaded);
        }
        return loaded;
    }
}
