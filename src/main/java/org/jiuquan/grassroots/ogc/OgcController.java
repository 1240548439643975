package org.jiuquan.grassroots.ogc;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.web.ApiProblem;
import org.springframework.core.io.ClassPathResource;
import org.jiuquan.grassroots.privacy.PhoneVisibility;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;

/** OGC API - Features, Part 1: Core, with GeoJSON and an OpenAPI 3.0 definition, under /ogc. */
@RestController
@RequestMapping("/ogc")
class OgcController {

    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType OPENAPI = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
    private static final CacheControl METADATA_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();
    /**
     * Data changes (a status recorded by an editor, an import): a client keeps its copy but asks each time,
     * and the ETag makes an unchanged answer a 304 without a body.
     */
    private static final CacheControl DATA_CACHE = CacheControl.noCache().cachePrivate();

    private final FeatureRepository features;
    private final IndicatorService indicators;
    private final JsonMapper json = JsonMapper.shared();
    private final CurrentUser currentUser;

    OgcController(FeatureRepository features, IndicatorService indicators, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.features = features;
        this.indicators = indicators;
    }

    @GetMapping(value = {"", "/"}, produces = {"application/json", "*/*"})
    ResponseEntity<Map<String, Object>> landing(HttpServletRequest request) {
        checkOnlyFormat(request);
        String base = base();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", english() ? "Jiuquan grassroots party-organisation coverage" : "酒泉市基层党组织覆盖");
        body.put("description", english()
                ? "Districts, village and community grid party organisations and leaders' contact points of Jiuquan, Gansu (points are synthetic demo data)."
                : "甘肃省酒泉市的区县、村和社区网格党组织及领导干部联系点（点位为演示数据）。");
        body.put("links", List.of(
                link(base, "self", "application/json", "This document"),
                link(base + "/api", "service-desc", OPENAPI.toString(), "OpenAPI 3.0 definition"),
                link(base + "/conformance", "conformance", "application/json", "Conformance classes"),
                link(base + "/collections", "data", "application/json", "Collections")));
        return ResponseEntity.ok().cacheControl(METADATA_CACHE).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/conformance")
    ResponseEntity<Map<String, Object>> conformance(HttpServletRequest request) {
        checkOnlyFormat(request);
        return ResponseEntity.ok().cacheControl(METADATA_CACHE).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("conformsTo", CONFORMANCE));
    }

    @GetMapping("/api")
    ResponseEntity<byte[]> openApi(HttpServletRequest request) throws IOException {
        checkOnlyFormat(request);
        try (InputStream in = new ClassPathResource("ogc/openapi.json").getInputStream()) {
            return ResponseEntity.ok().cacheControl(METADATA_CACHE).contentType(OPENAPI).body(in.readAllBytes());
        }
    }

    @GetMapping("/collections")
    ResponseEntity<Map<String, Object>> collections(HttpServletRequest request) {
        checkOnlyFormat(request);
        String base = base();
        double[] extent = features.cityExtent();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Collection collection : Collection.values()) {
            list.add(describe(base, collection, extent));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(link(base + "/collections", "self", "application/json", "Collections")));
        body.put("collections", list);
        return ResponseEntity.ok().cacheControl(METADATA_CACHE).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<Map<String, Object>> collection(@PathVariable String collectionId, HttpServletRequest request) {
        checkOnlyFormat(request);
        Collection collection = find(collectionId);
        return ResponseEntity.ok().cacheControl(METADATA_CACHE).contentType(MediaType.APPLICATION_JSON)
                .body(describe(base(), collection, features.cityExtent()));
    }

    @GetMapping("/collections/{collectionId}/items")
    ResponseEntity<String> items(@PathVariable String collectionId, HttpServletRequest request) {
        Collection collection = find(collectionId);
        ItemsQuery query = ItemsQuery.parse(collection, request.getParameterMap());
        checkTownship(features, query.filters());
        String period = indicators.checkPeriod(query.period());
        PhoneVisibility phones = currentUser.phoneVisibility();
        // A revalidation (the dashboard asks for every layer on each visit) is answered from the data version alone:
        // a 304 without the page being read, as for tiles (TileCache). The ETag is set here, not by the ETag filter.
        ShallowEtagHeaderFilter.disableContentCaching(request);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            String etag = ItemsEtag.of(features.dataVersion(), collection, period, phones, base(), request.getParameterMap());
            if (TileCache.matches(ifNoneMatch, etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(DATA_CACHE).eTag(etag).build();
            }
        }
        FeatureRepository.Page page = features.items(collection, query, period, phones);

        String itemsUrl = base() + "/collections/" + collection.id() + "/items";
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(pageUrl(itemsUrl, request, query.offset()), "self", GEOJSON.toString(), "This page"));
        if (query.offset() + page.features().size() < page.numberMatched()) {
            links.add(link(pageUrl(itemsUrl, request, query.offset() + query.limit()), "next", GEOJSON.toString(),
                    "Next page"));
        }
        if (query.offset() > 0) {
            links.add(link(pageUrl(itemsUrl, request, Math.max(0, query.offset() - query.limit())), "prev",
                    GEOJSON.toString(), "Previous page"));
        }
        links.add(link(base() + "/collections/" + collection.id(), "collection", "application/json", "The collection"));

        // The features are JSON already (PostGIS wrote them): only the envelope is written here. No timeStamp
        // (optional in OGC API - Features): a time in the body would change every response, and a client
        // could never revalidate its copy by ETag.
        StringBuilder body = new StringBuilder(64 + page.features().stream().mapToInt(String::length).sum()
                + page.features().size());
        body.append("{\"type\":\"FeatureCollection\",\"numberMatched\":").append(page.numberMatched())
                .append(",\"numberReturned\":").append(page.features().size())
                .append(",\"links\":").append(json.writeValueAsString(links))
                .append(",\"features\":[");
        for (int i = 0; i < page.features().size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(page.features().get(i));
        }
        body.append("]}");
        return ResponseEntity.ok().cacheControl(DATA_CACHE).contentType(GEOJSON)
                .eTag(ItemsEtag.of(page.dataVersion(), collection, period, phones, base(), request.getParameterMap()))
                .body(body.toString());
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    ResponseEntity<String> item(@PathVariable String collectionId, @PathVariable String featureId,
                                HttpServletRequest request) {
        Collection collection = find(collectionId);
        ItemsQuery.checkKnown(request.getParameterMap(), Set.of("f", "period"));
        ItemsQuery.checkFormat(request.getParameterMap());
        String period = indicators.checkPeriod(ItemsQuery.single(request.getParameterMap(), "period"));
        String feature = features.item(collection, featureId, period, currentUser.phoneVisibility())
                .orElseThrow(() -> ApiProblem.notFound("problem.unknown-feature", collection.id(), featureId));
        return ResponseEntity.ok().cacheControl(DATA_CACHE).contentType(GEOJSON).body(feature);
    }

    private Map<String, Object> describe(String base, Collection collection, double[] extent) {
        String self = base + "/collections/" + collection.id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", collection.id());
        body.put("title", collection.title(english()));
        body.put("description", collection.description());
        body.put("itemType", "feature");
        body.put("crs", List.of(ItemsQuery.CRS84));
        body.put("storageCrs", ItemsQuery.CRS84);
        body.put("extent", Map.of(
                "spatial", Map.of("bbox", List.of(List.of(extent[0], extent[1], extent[2], extent[3])),
                        "crs", ItemsQuery.CRS84),
                "temporal", Map.of("interval", List.of(List.of("2017-01-01T00:00:00Z", "2017-12-31T23:59:59Z")))));
        body.put("filters", collection.filters());
        body.put("links", List.of(
                link(self, "self", "application/json", "This collection"),
                link(self + "/items", "items", GEOJSON.toString(), "Features"),
                link(self + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", "application/json",
                        "Vector tiles")));
        return body;
    }

    static Collection find(String id) {
        return Collection.byId(id).orElseThrow(() -> ApiProblem.notFound("problem.unknown-collection", id,
                Collection.ids()));
    }

    /** A township filter's code must be a township loaded (its form is checked by ItemsQuery). */
    static void checkTownship(FeatureRepository features, Map<String, String> filters) {
        String township = filters.get(ItemsQuery.TOWNSHIP);
        if (township != null && !features.townshipExists(township)) {
            throw ItemsQuery.unknownTownship(township);
        }
    }

    private static void checkOnlyFormat(HttpServletRequest request) {
        ItemsQuery.checkKnown(request.getParameterMap(), Set.of("f"));
        ItemsQuery.checkFormat(request.getParameterMap());
    }

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").toUriString();
    }

    private static String pageUrl(String itemsUrl, HttpServletRequest request, int offset) {
        var builder = org.springframework.web.util.UriComponentsBuilder.fromUriString(itemsUrl);
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("offset")) {
                builder.queryParam(name, (Object[]) values);
            }
        });
        return builder.queryParam("offset", offset).encode().toUriString();
    }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        return link;
    }

    private static boolean english() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}
