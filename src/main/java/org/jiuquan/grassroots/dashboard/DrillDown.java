package org.jiuquan.grassroots.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jiuquan.grassroots.drilldown.DrillDownService;
import org.jiuquan.grassroots.drilldown.TownshipSummary;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.map.GeoMap;
import org.jspecify.annotations.Nullable;

/**
 * The drill-down below the district, city → district → township → organisation: which township (if any) the
 * dashboard is drilled into, kept in the URL as {@code township} (its 9-digit code) beside {@code district},
 * and what the drill-down panel lists at each level. The district itself is the district filter.
 */
final class DrillDown {

    private final DrillDownService service;
    private final DrillDownPanel panel;
    private final GeoMap map;
    private final DistrictNames names;
    private @Nullable String township;
    private @Nullable String townshipName;
    /** The district's townships as last shown (a township's name is found here). */
    private List<TownshipSummary> townships = List.of();

    DrillDown(DrillDownService service, DrillDownPanel panel, GeoMap map, DistrictNames names) {
        this.service = service;
        this.panel = panel;
        this.map = map;
        this.names = names;
    }

    /**
     * Reads the township from the URL: a township of the state's district, or none.
     *
     * @return the value of a {@code township} parameter that is not a township of the district (it is ignored)
     */
    Optional<String> readFrom(Map<String, List<String>> parameters, DashboardState state) {
        township = null;
        townshipName = null;
        List<String> values = parameters.get("township");
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return Optional.empty();
        }
        String code = values.get(0).strip();
        String district = state.district();
        if (district != null && code.matches("[0-9]{9}") && code.startsWith(district)) {
            Optional<TownshipSummary> found = service.townships(district, state.period()).stream()
                    .filter(t -> t.code().equals(code)).findFirst();
            if (found.isPresent()) {
                township = code;
                townshipName = found.get().nameZh();
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    @Nullable String township() {
        return township;
    }

    @Nullable String townshipName() {
        return townshipName;
    }

    /** Drills into a township of the shown district and zooms the map to it (the caller then shows the level). */
    /** What the map draws: the state's filters, narrowed to the township drilled into (if any). */
    GeoMap.Filters mapFilters(DashboardState state) {
        String township = state.district() == null ? null : township();
        return new GeoMap.Filters(state.district(), state.kind(), state.status(), township,
                township == null ? null : townshipName());
    }

    void enter(String code, DashboardState state) {
        String district = state.district();
        if (district == null || !code.startsWith(district)) {
            return;
        }
        if (townships.stream().noneMatch(t -> t.code().equals(code))) {
            townships = service.townships(district, state.period());
        }
        townships.stream().filter(t -> t.code().equals(code)).findFirst().ifPresent(t -> {
            township = t.code();
            townshipName = t.nameZh();
            zoom();
        });
    }

    /** Whether the district's township areas are (some or all) approximate; false at the city. */
    boolean approximate(@Nullable String district) {
        return district != null && service.approximate(district);
    }

    /** Back up to the district (or the city): no township. */
    void leave() {
        township = null;
        townshipName = null;
    }

    /** Zooms the map to the township drilled into. */
    void zoom() {
        if (township != null) {
            service.extent(township).ifPresent(map::fitExtent);
        }
    }

    /** Lists what the level holds for the state's quarter: nothing at the city, townships, or organisations. */
    void show(DashboardState state) {
        String district = state.district();
        if (district == null) {
            leave();
            townships = List.of();
            panel.showCity();
        } else if (township == null || townshipName == null) {
            townships = service.townships(district, state.period());
            panel.showDistrict(names.name(district, panel.locale()), townships);
        } else {
            panel.showTownship(townshipName, service.members(township, state.period()));
        }
    }
}
