package org.jiuquan.grassroots.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.jiuquan.grassroots.indicators.Indicator;

/**
 * The 45-odd indicators as a person looks for one: grouped under their category's name, in their usual
 * order within it, and narrowed by a search box that matches either language's name or the code. The
 * chosen indicator always stays in the list, so narrowing never changes what the map shows.
 */
final class IndicatorChoices {

    private final Select<String> select;
    private final TextField search = new TextField();
    private final Map<String, Indicator> indicators;
    private final Function<String, String> categoryName;
    private final Consumer<Runnable> quietly;

    /**
     * @param categoryName a category code's name in the page's language
     * @param quietly      runs a change of the list without it counting as the user choosing an indicator
     */
    IndicatorChoices(Select<String> select, Map<String, Indicator> indicators, Function<String, String> categoryName,
                     Consumer<Runnable> quietly) {
        this.select = select;
        this.indicators = indicators;
        this.categoryName = categoryName;
        this.quietly = quietly;
        search.setId("indicator-search");
        search.setWidthFull();
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> quietly.accept(() -> show(event.getValue())));
    }

    TextField search() {
        return search;
    }

    /** Lists the indicators matching the text (all when blank), a heading before each category. */
    void show(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        String chosen = select.getValue();
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        for (Indicator indicator : indicators.values()) {
            boolean matches = needle.isEmpty() || indicator.code().contains(needle) || indicator.nameZh().contains(needle)
                    || indicator.nameEn().toLowerCase(Locale.ROOT).contains(needle);
            if (matches || indicator.code().equals(chosen)) {
                byCategory.computeIfAbsent(indicator.category(), c -> new ArrayList<>()).add(indicator.code());
            }
        }
        List<String> items = byCategory.values().stream().flatMap(List::stream).toList();
        select.setItems(items);
        if (chosen != null && items.contains(chosen)) {
            select.setValue(chosen);
        }
        byCategory.forEach((category, codes) -> {
            Span heading = new Span(categoryName.apply(category));
            heading.addClassName("indicator-category");
            select.prependComponents(codes.get(0), heading);
        });
    }
}
