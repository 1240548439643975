package org.jiuquan.grassroots.ogc;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jiuquan.grassroots.cluster.ReadDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Vector tiles already made, so that a tile asked again (a page reloaded in a meeting, another user on the
 * same view) costs a lookup instead of a PostGIS query. Each entry is keyed on the data version (V20, moved
 * by every change to the data, V23), read from the database on every request: a tile made before a change
 * is never served after it, whichever app instance made the change. Bounded in bytes
 * (JIUQUAN_TILE_CACHE_MB, 64).
 */
@Component
class TileCache {

    static final String DATA_VERSION = "SELECT version FROM data_version";

    record Key(String collection, int z, int x, int y, Map<String, String> filters, String period, long dataVersion) {
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
     * The tile from the cache, or made by PostGIS. The version and the tile are read from one database: a
     * replica a change behind keys its tiles with its own, older version (see cluster.ReadDatabase).
     */
    byte[] tile(Collection collection, int z, int x, int y, Map<String, String> filters, String period) {
        return reads.read(db -> {
            long version = db.sql(DATA_VERSION).query(Long.class).single();
            return tiles.get(new Key(collection.id(), z, x, y, Map.copyOf(filters), period, version),
                    key -> repository.tile(db, collection, z, x, y, filters, period));
        });
    }
}
