package org.jiuquan.grassroots.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jiuquan.grassroots.cluster.ReadDatabase;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Vector tiles already made, so that a tile asked again (a page reloaded in a meeting, another user on the
 * same view) costs a lookup instead of a PostGIS query. Each entry is keyed on the data version (V20, moved
 * by every change to the data, V23), read from the database on every request: a tile made before a change
 * is never served after it, whichever app instance made the change. Bounded in bytes
 * (JIUQUAN_TILE_CACHE_MB, 64).
 *
 * <p>The tile's ETag is made from the same key (data version, tile address, period, filters), not from the
 * body: a client revalidating its copy (If-None-Match) gets a 304 after one read of the data version, without
 * the tile being looked up or made.
 */
@Component
class TileCache {

    static final String DATA_VERSION = "SELECT version FROM data_version";

    record Key(String collection, int z, int x, int y, Map<String, String> filters, String period, long dataVersion) {

        /** A weak ETag (Tomcat gzips only responses with weak ones) naming everything the tile depends on. */
        String etag() {
            StringBuilder tag = new StringBuilder("W/\"v").append(dataVersion).append('-').append(collection)
                    .append('-').append(z).append('-').append(x).append('-').append(y).append('-').append(period);
            // Sorted and URL-encoded, so equal filters give equal tags and no value can break the quotes.
            new TreeMap<>(filters).forEach((name, value) -> tag.append('-').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return tag.append('"').toString();
        }
    }

    /**
     * A tile to send, or (tile null) word that the client's copy is current, with where the time went: reading
     * the data version, and making the tile in PostGIS (zero when it came from the cache or was not needed).
     */
    record Served(String etag, byte @Nullable [] tile, long versionNanos, long madeNanos) {
    }

    private final TileRepository repository;
    private final ReadDatabase reads;
    private final Cache<Key, byte[]> tiles;

    TileCache(TileRepository repository, ReadDatabase reads, @Value("${jiuquan.tiles.cache-mb}") long megabytes) {
        this.repository = repository;
        this.reads = reads;
        this.tiles = Caffeine.newBuilder()
                .maximumWeight(megabytes * 1024 * 1024)
                .weigher((Key key, byte[] tile) -> tile.length + 200)
                .build();
    }

    /**
     * The tile from the cache, or made by PostGIS; nothing but its ETag when {@code ifNoneMatch} (the request's
     * If-None-Match header) names it. The version and the tile are read from one database: a replica a change
     * behind keys its tiles with its own, older version (see cluster.ReadDatabase).
     */
    Served serve(Collection collection, int z, int x, int y, Map<String, String> filters, String period,
                 @Nullable String ifNoneMatch) {
        return reads.read(db -> {
            long start = System.nanoTime();
            long version = db.sql(DATA_VERSION).query(Long.class).single();
            long versionNanos = System.nanoTime() - start;
            Key key = new Key(collection.id(), z, x, y, Map.copyOf(filters), period, version);
            String etag = key.etag();
            if (matches(ifNoneMatch, etag)) {
                return new Served(etag, null, versionNanos, 0);
            }
            long[] madeNanos = {0};
            byte[] tile = tiles.get(key, k -> {
                long made = System.nanoTime();
                byte[] fresh = repository.tile(db, collection, z, x, y, filters, period);
                madeNanos[0] = System.nanoTime() - made;
                return fresh;
            });
            return new Served(etag, tile, versionNanos, madeNanos[0]);
        });
    }

    /** Forgets every tile (tests: to see that a revalidation makes none). */
    void clear() {
        tiles.invalidateAll();
    }

    long size() {
        tiles.cleanUp();
        return tiles.estimatedSize();
    }

    /**
     * Weak comparison (RFC 9110, 13.1.2), as for every GET: {@code *}, or a listed tag equal to ours once the
     * {@code W/} prefixes are set aside.
     */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
