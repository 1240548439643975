package org.jiuquan.grassroots.basemap;

import java.util.List;

import org.jiuquan.grassroots.security.ContentSources;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The base layer in force: the one an admin stored, else the JIUQUAN_BASEMAP_URL setting (an XYZ template),
 * else none. Kept in memory (read on every page for its security policy) and replaced when an admin saves.
 * Another app instance sees a change when it restarts.
 */
@Service
public class BaseLayerService implements ContentSources {

    private final BaseLayerRepository repository;
    private final String configuredUrl;
    private volatile @Nullable BaseLayer current;

    BaseLayerService(BaseLayerRepository repository, @Value("${jiuquan.map.basemap-url}") String configuredUrl) {
        this.repository = repository;
        this.configuredUrl = configuredUrl;
    }

    public BaseLayer current() {
        BaseLayer layer = current;
        if (layer == null) {
            layer = repository.stored().orElseGet(() -> configuredUrl.isBlank() ? BaseLayer.NONE
                    : new BaseLayer(BaseLayer.Kind.XYZ, configuredUrl, null, null, null));
            current = layer;
        }
        return layer;
    }

    /**
     * Checks and stores a new base layer; nothing changes if it is refused.
     *
     * @param datum the tiles' datum as the admin declares it: wgs84 (WGS 84 or CGCS2000), gcj02 or bd09
     * @throws BaseLayerException naming what to fix
     */
    public BaseLayer save(BaseLayer.Kind kind, @Nullable String url, @Nullable String wmtsLayer,
                          @Nullable String matrixSet, @Nullable String apiKey, String datum, String changedBy) {
        BaseLayer checked = BaseLayerCheck.check(kind, url, wmtsLayer, matrixSet, apiKey, datum);
        repository.store(checked, changedBy);
        current = checked;
        return checked;
    }

    @Override
    public List<String> imageOrigins() {
        return current().origins();
    }
}
