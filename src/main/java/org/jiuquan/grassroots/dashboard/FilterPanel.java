package org.jiuquan.grassroots.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.map.GeoMap;
import org.jspecify.annotations.Nullable;

/**
 * The filters (district, kind, status) under the drill-down's breadcrumb. A person's choice is reported with
 * whether it was the district that changed; the view's own settings are not reported.
 */
final class FilterPanel extends Div {

    private final Select<String> district = new Select<>();
    private final Select<String> kind = new Select<>();
    private final Select<String> status = new Select<>();
    private final Breadcrumb breadcrumb;
    private final DistrictNames names;
    /** Set while the view moves the filters, so their listeners do not take it for a person's choice. */
    private boolean updating;

    /**
     * @param chosen         told of the filters a person chose, and whether the district was the one changed
     * @param backToDistrict told that a person went back up from a township to its district (the breadcrumb)
     */
    FilterPanel(DistrictNames names, BiConsumer<GeoMap.Filters, Boolean> chosen, Runnable backToDistrict) {
        this.names = names;
        district.setId("filter-district");
        district.setLabel(getTranslation("filters.district"));
        List<String> districtCodes = new ArrayList<>(List.of(""));
        districtCodes.addAll(names.codes());
        district.setItems(districtCodes);
        district.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("filters.all") : names.name(code, getLocale()));
        kind.setId("filter-kind");
        kind.setLabel(getTranslation("filters.kind"));
        kind.setItems(withAll(DashboardState.KINDS));
        kind.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("filters.all") : getTranslation("kind." + k));
        status.setId("filter-status");
        status.setLabel(getTranslation("filters.status"));
        status.setItems(withAll(DashboardState.STATUSES));
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("filters.all") : getTranslation("status." + s));
        for (Select<String> filter : List.of(district, kind, status)) {
            filter.setWidthFull();
            filter.addValueChangeListener(event -> {
                if (!updating) {
                    chosen.accept(new GeoMap.Filters(blankToNull(district.getValue()), blankToNull(kind.getValue()),
                            blankToNull(status.getValue())), filter == district);
                }
            });
        }
        breadcrumb = new Breadcrumb(getTranslation("breadcrumb.city"), () -> district.setValue(""), backToDistrict);
        add(new H3(getTranslation("filters.title")), breadcrumb, district, kind, status);
        addClassName("panel-section");
    }

    /** Shows the state's filters. */
    void show(DashboardState state) {
        updating = true;
        try {
            district.setValue(state.district() == null ? "" : state.district());
            kind.setValue(state.kind() == null ? "" : state.kind());
            status.setValue(state.status() == null ? "" : state.status());
        } finally {
            updating = false;
        }
    }

    /** Shows where the drill-down stands: the city (no district), a district, or a township of it. */
    void showLevel(@Nullable String districtCode, @Nullable String townshipName) {
        breadcrumb.show(districtCode == null ? null : names.name(districtCode, getLocale()), townshipName);
    }

    /** A person's choice of a district made elsewhere (a chart bar, a table row): as if chosen here. */
    void chooseDistrict(String code) {
        district.setValue(code);
    }

    private static List<String> withAll(List<String> values) {
        List<String> all = new ArrayList<>(List.of(""));
        all.addAll(values);
        return all;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
