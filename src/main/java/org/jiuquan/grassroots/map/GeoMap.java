package org.jiuquan.grassroots.map;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java side of {@code <geo-map>} (frontend/src/geo-map.ts): a typed API for what the map shows and one
 * event class per thing a person does on it. The element fetches its layer data from the OGC API itself;
 * only small view state crosses here.
 */
@Tag("geo-map")
public class GeoMap extends com.vaadin.flow.component.Component implements HasSize {

    /** Where the bundle lies (frontend/scripts/build.mjs writes it to META-INF/resources/map). */
    public static final String MODULE = "/map/geo-map.js";
    public static final List<String> POINT_LAYERS = List.of("villages", "grid-branches", "enterprises",
            "social-organisations", "contact-points");

    private static final JsonMapper JSON = JsonMapper.shared();
    private int dataVersion;

    /** Which layer and feature is selected: a district code, a 12-digit organisation code, a contact point number. */
    public record Selection(String layer, String id) {
    }

    /**
     * @param township     the township drilled into (9-digit code): the map draws only its organisations
     * @param townshipName its name, as the organisations name their township
     */
    public record Filters(@Nullable String district, @Nullable String kind, @Nullable String status,
                          @Nullable String township, @Nullable String townshipName) {
        public static final Filters NONE = new Filters(null, null, null);

        /** At the city or a district: no township. */
        public Filters(@Nullable String district, @Nullable String kind, @Nullable String status) {
            this(district, kind, status, null, null);
        }
    }

    public GeoMap() {
        getElement().setAttribute("ogc-base", "/ogc");
        addAttachListener(event -> event.getUI().getPage().addJsModule(MODULE));
    }

    public void setStyle(MapStyle style) {
        getElement().setProperty("styleJson", JSON.writeValueAsString(style));
    }

    /** Which layers are drawn: districts and the {@link #POINT_LAYERS}. */
    public void setLayers(Map<String, Boolean> visible) {
        getElement().setProperty("layersJson", JSON.writeValueAsString(visible));
    }

    /**
     * The quarter (2017Q1..2017Q4) whose status every organisation and contact layer shows: each of their
     * requests carries {@code period=}, and a change fetches them again.
     */
    public void setPeriod(String period) {
        getElement().setProperty("period", period);
    }

    /**
     * A second quarter drawn beside the selected one: the map shows a divider a person drags, the compared
     * quarter left of it, the selected one right of it. Null turns it off.
     *
     * @param style the compared quarter's style, coloured with the selected quarter's classes (QuarterComparison)
     */
    public void setCompare(@Nullable String period, @Nullable MapStyle style) {
        getElement().setProperty("compareStyleJson", style == null ? "" : JSON.writeValueAsString(style));
        getElement().setProperty("comparePeriod", period == null ? "" : period);
    }

    /** Fetches the point layers again (after a status change), keeping the view. */
    public void reloadData() {
        dataVersion++;
        getElement().setProperty("dataVersion", dataVersion);
    }

    /**
     * CSS selectors (comma-separated) of elements laid over the map, such as the legend and a card: the map
     * keeps the city and a selected feature clear of them.
     */
    public void setAvoid(String selectors) {
        getElement().setProperty("avoid", selectors);
    }

    /** Moves the view so that the selected feature lies in the map's free part (not under a card or the legend). */
    public void revealSelection() {
        getElement().callJsFunction("revealSelection");
    }

    public void setFilters(Filters filters) {
        getElement().setProperty("filtersJson", JSON.writeValueAsString(filters));
    }

    /** How many features each point layer holds: large layers are drawn from vector tiles. */
    public void setLayerCounts(Map<String, Long> counts) {
        getElement().setProperty("countsJson", JSON.writeValueAsString(counts));
    }

    public void setSelection(@Nullable Selection selection) {
        getElement().setProperty("selectionJson", selection == null ? "" : JSON.writeValueAsString(selection));
    }

    /** Texts the element shows itself (tooltips of clusters, its accessible name), in the UI's language. */
    public void setLabels(Map<String, String> labels) {
        getElement().setProperty("labelsJson", JSON.writeValueAsString(labels));
    }

    public void setLanguage(String language) {
        getElement().setProperty("language", language);
    }

    /** Larger labels and symbols for a projector. */
    public void setPresentation(boolean presentation) {
        getElement().setProperty("presentation", presentation);
    }

    /**
     * XYZ tile URL templates ({z}/{x}/{y}, separated by spaces, lowest first) drawn under the layers; empty for
     * none (the default: offline).
     */
    public void setBasemapUrl(String url) {
        getElement().setAttribute("basemap-url", url);
    }

    /** The longitude/latitude box to show (from a bookmarked URL); the city when never set. */
    public void setExtent(double[] bbox) {
        getElement().setProperty("extentJson", JSON.writeValueAsString(bbox));
    }

    /** A GeoJSON URL drawn over everything (an analysis result); empty for none. */
    public void setOverlayUrl(String url) {
        getElement().setAttribute("overlay-url", url);
    }

    /** Codes of the overlay's features to emphasise (rows selected in a table). */
    public void setHighlight(List<String> codes) {
        getElement().setProperty("highlightJson", JSON.writeValueAsString(codes));
    }

    /** Outlines an area (a closed ring of lon/lat, as {@link AreaDrawnEvent#ring()} gives it); null clears it. */
    public void setArea(double @Nullable [][] ring) {
        getElement().setProperty("areaJson", ring == null ? "" : JSON.writeValueAsString(ring));
    }

    /** How a person may draw an area (reported by {@link AreaDrawnEvent}) on the map, or not. */
    public enum DrawMode { OFF, BOX, POLYGON }

    public void setDrawMode(DrawMode mode) {
        getElement().setProperty("drawMode", mode == DrawMode.OFF ? "" : mode.name().toLowerCase(java.util.Locale.ROOT));
    }

    public void fitExtent(double[] bbox) {
        getElement().callJsFunction("fitExtent", bbox[0], bbox[1], bbox[2], bbox[3]);
    }

    public Registration addAreaDrawnListener(ComponentEventListener<AreaDrawnEvent> listener) {
        return addListener(AreaDrawnEvent.class, listener);
    }

    public void fitDistrict(String code) {
        getElement().callJsFunction("fitDistrict", code);
    }

    public void flyTo(double lon, double lat, int zoom) {
        getElement().callJsFunction("flyTo", lon, lat, zoom);
    }

    public Registration addFeatureClickListener(ComponentEventListener<FeatureClickEvent> listener) {
        return addListener(FeatureClickEvent.class, listener);
    }

    public Registration addSelectionChangedListener(ComponentEventListener<SelectionChangedEvent> listener) {
        return addListener(SelectionChangedEvent.class, listener);
    }

    public Registration addViewMovedListener(ComponentEventListener<ViewMovedEvent> listener) {
        return addListener(ViewMovedEvent.class, listener);
    }

    public Registration addRenderedListener(ComponentEventListener<RenderedEvent> listener) {
        return addListener(RenderedEvent.class, listener);
    }

    /** An event about one feature: its layer and its id (a district code, organisation code, contact number). */
    public abstract static class FeatureEvent extends ComponentEvent<GeoMap> {
        private final String layer;
        private final String id;

        FeatureEvent(GeoMap source, boolean fromClient, String layer, String id) {
            super(source, fromClient);
            this.layer = layer;
            this.id = id;
        }

        public String layer() {
            return layer;
        }

        public String id() {
            return id;
        }
    }

    /**
     * A person clicked a district or a single point, or chose one from the list that a click on features at
     * one position opens (clusters that can come apart zoom in instead).
     */
    @DomEvent("feature-click")
    public static class FeatureClickEvent extends FeatureEvent {
        public FeatureClickEvent(GeoMap source, boolean fromClient, @EventData("event.detail.layer") String layer,
                                 @EventData("event.detail.id") String id) {
            super(source, fromClient, layer, id);
        }
    }

    /** The highlighted feature changed (empty layer and id: nothing is selected). */
    @DomEvent("selection-changed")
    public static class SelectionChangedEvent extends FeatureEvent {
        public SelectionChangedEvent(GeoMap source, boolean fromClient,
                                     @EventData("event.detail.layer") String layer,
                                     @EventData("event.detail.id") String id) {
            super(source, fromClient, layer, id);
        }
    }

    /** The map was panned or zoomed; bbox in longitude/latitude. */
    @DomEvent(value = "view-moved", debounce = @com.vaadin.flow.component.DebounceSettings(timeout = 300,
            phases = com.vaadin.flow.dom.DebouncePhase.TRAILING))
    public static class ViewMovedEvent extends ComponentEvent<GeoMap> {
        private final double[] bbox;
        private final double zoom;

        public ViewMovedEvent(GeoMap source, boolean fromClient,
                              @EventData("event.detail.bbox[0]") double minLon,
                              @EventData("event.detail.bbox[1]") double minLat,
                              @EventData("event.detail.bbox[2]") double maxLon,
                              @EventData("event.detail.bbox[3]") double maxLat,
                              @EventData("event.detail.zoom") double zoom) {
            super(source, fromClient);
            this.bbox = new double[] {minLon, minLat, maxLon, maxLat};
            this.zoom = zoom;
        }

        public double[] bbox() {
            return bbox.clone();
        }

        public double zoom() {
            return zoom;
        }
    }

    /** A box or polygon was drawn on the map (draw mode); in longitude/latitude. */
    @DomEvent("area-drawn")
    public static class AreaDrawnEvent extends ComponentEvent<GeoMap> {
        private final double[] bbox;
        private final double[][] ring;

        public AreaDrawnEvent(GeoMap source, boolean fromClient,
                              @EventData("event.detail.bbox[0]") double minLon,
                              @EventData("event.detail.bbox[1]") double minLat,
                              @EventData("event.detail.bbox[2]") double maxLon,
                              @EventData("event.detail.bbox[3]") double maxLat,
                              @EventData("JSON.stringify(event.detail.polygon)") String ringJson) {
            super(source, fromClient);
            this.bbox = new double[] {minLon, minLat, maxLon, maxLat};
            this.ring = JSON.readValue(ringJson, double[][].class);
        }

        public double[] bbox() {
            return bbox.clone();
        }

        /** The area's outline, closed (first corner repeated last). */
        public double[][] ring() {
            return ring.clone();
        }
    }

    /** Every requested layer is drawn. */
    @DomEvent("rendered")
    public static class RenderedEvent extends ComponentEvent<GeoMap> {
        public RenderedEvent(GeoMap source, boolean fromClient) {
            super(source, fromClient);
        }
    }
}
