package org.jiuquan.grassroots.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.IndicatorValue;

/** The city's key figures for the chosen quarter, as cards. */
class CityFigures extends Div {

    /** The figures a meeting asks for first; all others are in the indicator menu and the district cards. */
    static final List<String> KEY_FIGURES = List.of("villages", "grid_branches", "contact_points", "weak_rectified",
            "weak_open", "party_lectures", "enterprise_coverage", "social_org_coverage");

    CityFigures() {
        setId("city-figures");
        addClassName("city-figures");
    }

    void show(List<IndicatorValue> cityValues, Map<String, Indicator> indicators, Locale locale) {
        removeAll();
        boolean english = "en".equals(locale.getLanguage());
        for (String code : KEY_FIGURES) {
            Indicator indicator = indicators.get(code);
            IndicatorValue value = cityValues.stream().filter(v -> v.indicatorCode().equals(code)).findFirst().orElse(null);
            if (indicator == null || value == null) {
                continue;
            }
            Span number = new Span(Formats.number(value.value(), indicator.decimals(), locale));
            number.addClassName("figure-value");
            String unit = english ? indicator.unitEn() : indicator.unitZh();
            Div card = new Div(new Div(number, new Span(unit.isBlank() ? "" : " " + unit)),
                    new Div(english ? indicator.nameEn() : indicator.nameZh()));
            card.addClassName("figure-card");
            card.getElement().setAttribute("data-indicator", code);
            add(card);
        }
    }
}
