package org.jiuquan.grassroots.dashboard;

import java.util.function.BiConsumer;

import com.vaadin.flow.component.combobox.ComboBox;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.map.GeoMap;
import org.jiuquan.grassroots.organisations.OrganisationService;
import org.jiuquan.grassroots.organisations.SearchHit;

/** Finds organisations and districts by name; choosing one moves the map to it and opens its card. */
final class SearchBox extends ComboBox<SearchHit> {

    /** @param chosen told of the layer and id of the hit a person chose, after the map moved to it */
    SearchBox(OrganisationService organisations, DistrictNames names, GeoMap map, BiConsumer<String, String> chosen) {
        setId("search");
        setPlaceholder(getTranslation("search.placeholder"));
        setWidthFull();
        setItems(query -> organisations.search(query.getFilter().orElse(""), 50).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        setItemLabelGenerator(hit -> hit.layer().equals("districts")
                ? (Translations.isEnglish(getLocale()) ? hit.nameEn() : hit.nameZh())
                : hit.nameZh() + " · " + names.name(hit.districtCode(), getLocale()));
        addValueChangeListener(event -> {
            SearchHit hit = event.getValue();
            if (hit == null || !event.isFromClient()) {
                return;
            }
            if (hit.layer().equals("districts")) {
                map.fitDistrict(hit.id());
            } else {
                map.flyTo(hit.lon(), hit.lat(), 13);
            }
            chosen.accept(hit.layer(), hit.id());
        });
    }
}
