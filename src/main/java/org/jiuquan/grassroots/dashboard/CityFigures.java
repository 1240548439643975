package org.jiuquan.grassroots.dashboard;

import org.jiuquan.grassroots.i18n.Formats;
import org.jiuquan.grassroots.indicators.IndicatorService;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.IndicatorValue;

/** The city's key figures for the chosen quarter, as cards. */
class CityFigures extends Div {

    static final List<String> KEY_FIGURES = IndicatorService.KEY_FIGURES;

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
