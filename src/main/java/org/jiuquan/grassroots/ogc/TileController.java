package org.jiuquan.grassroots.ogc;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.web.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import jakarta.servlet.http.HttpServletRequest;

/** OGC API - Tiles: Mapbox vector tiles of every collection in WebMercatorQuad. */
@RestController
@RequestMapping("/ogc/collections/{collectionId}/tiles")
class TileController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
    static final String MATRIX_SET = "WebMercatorQuad";
    static final String MATRIX_SET_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final int MAX_ZOOM = 22;
    /** Revalidated every time (ETag, 304), so a status change shows at once: see OgcController.DATA_CACHE. */
    private static final CacheControl TILE_CACHE = CacheControl.noCache().cachePrivate();

    private final IndicatorService indicators;
    private final TileCache cache;
    private final FeatureRepository features;

    TileController(IndicatorService indicators, TileCache cache, FeatureRepository features) {
        this.indicators = indicators;
        this.cache = cache;
        this.features = features;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> tilesets(@PathVariable String collectionId, HttpServletRequest request) {
        return ResponseEntity.ok(Map.of("tilesets", List.of(describeTileset(collectionId, request))));
    }

    @GetMapping("/{tileMatrixSetId}")
    ResponseEntity<Map<String, Object>> tileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                                                HttpServletRequest request) {
        checkMatrixSet(tileMatrixSetId);
        return ResponseEntity.ok(describeTileset(collectionId, request));
    }

    /** The collection's one tileset (Web Mercator quad), as both endpoints above show it. */
    private Map<String, Object> describeTileset(String collectionId, HttpServletRequest request) {
        Collection collection = OgcController.find(collectionId);
        ItemsQuery.checkKnown(request.getParameterMap(), Set.of("f"));
        String self = OgcController.base() + "/collections/" + collection.id() + "/tiles";
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("title", collection.id());
        tileset.put("dataType", "vector");
        tileset.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
        tileset.put("tileMatrixSetURI", MATRIX_SET_URI);
        tileset.put("links", List.of(
                OgcController.link(self + "/" + MATRIX_SET, "self", "application/json", "Tileset"),
                OgcController.link(self + "/" + MATRIX_SET + "/{tileMatrix}/{tileRow}/{tileCol}",
                        "item", MVT.toString(), "Vector tiles (z/y/x)")));
        return tileset;
    }

    @GetMapping("/{tileMatrixSetId}/{z}/{y}/{x}")
    ResponseEntity<byte[]> tile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                                @PathVariable String z, @PathVariable String y, @PathVariable String x,
                                HttpServletRequest request) {
        long controllerStart = System.nanoTime();
        Collection collection = OgcController.find(collectionId);
        checkMatrixSet(tileMatrixSetId);
        Set<String> allowed = new HashSet<>(collection.filters().keySet());
        allowed.add("f");
        allowed.add("period");
        if (collection.takesTownship()) {
            allowed.add(ItemsQuery.TOWNSHIP);
        }
        ItemsQuery.checkKnown(request.getParameterMap(), allowed);
        int zoom = tileNumber(z, z, y, x);
        int row = tileNumber(y, z, y, x);
        int col = tileNumber(x, z, y, x);
        long size = 1L << Math.min(zoom, 62);
        if (zoom > MAX_ZOOM || row >= size || col >= size) {
            throw ApiProblem.badRequest("problem.bad-tile", z, y, x, MAX_ZOOM);
        }
        Map<String, String> filters = ItemsQuery.filters(collection, request.getParameterMap());
        OgcController.checkTownship(features, filters);
        String period = indicators.checkPeriod(ItemsQuery.single(request.getParameterMap(), "period"));
        // The ETag is made from the data version and the tile's address (TileCache), so the body need not be
        // buffered and hashed by the ETag filter the other data endpoints go through.
        ShallowEtagHeaderFilter.disableContentCaching(request);
        TileCache.Served served = cache.serve(collection, zoom, col, row, filters, period,
                request.getHeader(HttpHeaders.IF_NONE_MATCH));
        byte[] tile = served.tile();
        String timing = TileTiming.header(request, controllerStart, served);
        if (tile == null) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(TILE_CACHE).eTag(served.etag())
                    .header(TileTiming.HEADER, timing).build();
        }
        return ResponseEntity.ok().cacheControl(TILE_CACHE).eTag(served.etag()).header(TileTiming.HEADER, timing)
                .contentType(MVT).body(tile);
    }

    private static void checkMatrixSet(String id) {
        if (!MATRIX_SET.equals(id)) {
            throw ApiProblem.notFound("problem.bad-tile-matrix-set", id);
        }
    }

    private static int tileNumber(String text, String z, String y, String x) {
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("problem.bad-tile", z, y, x, MAX_ZOOM);
        }
    }
}
