package org.jiuquan.grassroots.basemap;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one stored base layer (table base_layer, V15). */
@Repository
class BaseLayerRepository {

    static final String SELECT = "SELECT kind, url, wmts_layer, matrix_set, api_key FROM base_layer WHERE id = 1";
    static final String UPSERT = """
            INSERT INTO base_layer (id, kind, url, wmts_layer, matrix_set, api_key, changed_by, changed_at)
            VALUES (1, :kind, :url, :layer, :set, :key, :by, now())
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, url = EXCLUDED.url, wmts_layer = EXCLUDED.wmts_layer,
                matrix_set = EXCLUDED.matrix_set, api_key = EXCLUDED.api_key, changed_by = EXCLUDED.changed_by,
                changed_at = EXCLUDED.changed_at""";

    private final JdbcClient jdbc;

    BaseLayerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BaseLayer> stored() {
        return jdbc.sql(SELECT).query((rs, n) -> new BaseLayer(BaseLayer.Kind.fromCode(rs.getString("kind")),
                rs.getString("url"), rs.getString("wmts_layer"), rs.getString("matrix_set"), rs.getString("api_key")))
                .optional();
    }

    void store(BaseLayer layer, String changedBy) {
        jdbc.sql(UPSERT).param("kind", layer.kind().code()).param("url", layer.url()).param("layer", layer.wmtsLayer())
                .param("set", layer.matrixSet()).param("key", layer.apiKey()).param("by", changedBy).update();
    }
}
