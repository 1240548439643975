package org.jiuquan.grassroots.dashboard;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.Period;
import org.jiuquan.grassroots.map.DashboardState;

/**
 * What the districts are coloured by: the indicator (grouped and searchable), the quarter, the classification
 * method and the number of classes. A person's choice is reported as the state it leads to.
 */
final class IndicatorPanel extends Div {

    /** What a person chose: indicator, period, method, classes. */
    record Choice(String indicator, String period, String method, int classes) {
        DashboardState applyTo(DashboardState state) {
            return state.withIndicator(indicator).withPeriod(period).withClassification(method, classes);
        }
    }

    private final Select<String> indicator = new Select<>();
    private final Select<String> period = new Select<>();
    private final Select<String> method = new Select<>();
    private final Select<Integer> classes = new Select<>();
    /** Set while the view moves the controls, so their listeners do not take it for a person's choice. */
    private boolean updating;

    IndicatorPanel(Map<String, Indicator> indicators, List<Period> periods, Consumer<Choice> chosen) {
        indicator.setId("indicator");
        indicator.setLabel(getTranslation("indicator.select"));
        indicator.setItemLabelGenerator(code -> {
            Indicator i = indicators.get(code);
            return i == null ? "" : Translations.isEnglish(getLocale()) ? i.nameEn() : i.nameZh();
        });
        IndicatorChoices choices = new IndicatorChoices(indicator, indicators,
                category -> getTranslation("indicator.category." + category), this::quietly);
        choices.search().setPlaceholder(getTranslation("indicator.search"));
        choices.search().setAriaLabel(getTranslation("indicator.search"));
        choices.show("");
        period.setId("period");
        period.setLabel(getTranslation("indicator.period"));
        period.setItems(periods.stream().map(Period::code).toList());
        period.setItemLabelGenerator(code -> periods.stream().filter(p -> p.code().equals(code)).findFirst()
                .map(p -> p.code() + " " + (Translations.isEnglish(getLocale()) ? p.themeEn() : p.themeZh())).orElse(code));
        method.setId("method");
        method.setLabel(getTranslation("indicator.method"));
        method.setItems(DashboardState.METHODS);
        method.setItemLabelGenerator(m -> getTranslation("method." + m));
        classes.setId("classes");
        classes.setLabel(getTranslation("indicator.classes"));
        classes.setItems(3, 4, 5, 6, 7);
        for (Select<?> select : List.of(indicator, period, method, classes)) {
            select.setWidthFull();
            select.addValueChangeListener(event -> {
                if (updating || indicator.getValue() == null || period.getValue() == null || method.getValue() == null
                        || classes.getValue() == null) {
                    return;
                }
                chosen.accept(new Choice(indicator.getValue(), period.getValue(), method.getValue(), classes.getValue()));
            });
        }
        add(new H3(getTranslation("indicator.title")), choices.search(), indicator, period, method, classes);
        addClassName("panel-section");
    }

    /** Shows the state's indicator, quarter and classification. */
    void show(DashboardState state) {
        quietly(() -> {
            indicator.setValue(state.indicator());
            period.setValue(state.period());
            method.setValue(state.method());
            classes.setValue(state.classes());
        });
    }

    /** Shows a quarter chosen elsewhere (the map's play button). */
    void showPeriod(String code) {
        quietly(() -> period.setValue(code));
    }

    private void quietly(Runnable change) {
        boolean before = updating;
        updating = true;
        try {
            change.run();
        } finally {
            updating = before;
        }
    }
}
