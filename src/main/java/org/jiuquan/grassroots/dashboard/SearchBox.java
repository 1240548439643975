package org.jiuquan.grassroots.dashboard;

import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.vaadin.flow.component.combobox.ComboBox;
import org.jiuquan.grassroots.drilldown.DrillDownService;
import org.jiuquan.grassroots.drilldown.TownshipHit;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.map.GeoMap;
import org.jiuquan.grassroots.organisations.OrganisationService;
import org.jiuquan.grassroots.organisations.SearchHit;

/**
 * Finds townships, organisations and districts by name; choosing an organisation or district moves the map to
 * it and opens its card, choosing a township drills into it.
 */
final class SearchBox extends ComboBox<SearchHit> {

    /** @param chosen told of the layer and id of the hit a person chose, after the map moved to it */
    SearchBox(OrganisationService organisations, DrillDownService townships, DistrictNames names, GeoMap map,
              BiConsumer<String, String> chosen) {
        setId("search");
        setPlaceholder(getTranslation("search.placeholder"));
        setWidthFull();
        setItems(query -> Stream.concat(
                        townships.search(query.getFilter().orElse(""), 10).stream().map(SearchBox::hit),
                        organisations.search(query.getFilter().orElse(""), 50).stream())
                .skip(query.getOffset()).limit(query.getLimit()));
        setItemLabelGenerator(hit -> hit.layer().equals("townships")
                ? hit.nameZh() + " · " + names.name(hit.districtCode(), getLocale())
                : hit.layer().equals("districts")
                ? (Translations.isEnglish(getLocale()) ? hit.nameEn() : hit.nameZh())
                : hit.nameZh() + " · " + names.name(hit.districtCode(), getLocale()));
        addValueChangeListener(event -> {
            SearchHit hit = event.getValue();
            if (hit == null || !event.isFromClient()) {
                return;
            }
            if (hit.layer().equals("districts")) {
                map.fitDistrict(hit.id());
            } else if (!hit.layer().equals("townships")) {
                map.flyTo(hit.lon(), hit.lat(), 13);
            }
            chosen.accept(hit.layer(), hit.id());
        });
    }

    /** A township as a search hit: the drill-down zooms to its area, so it needs no position. */
    private static SearchHit hit(TownshipHit township) {
        return new SearchHit("townships", township.code(), township.nameZh(), township.nameZh(), township.districtCode(),
                Double.NaN, Double.NaN);
    }
}
