package org.jiuquan.grassroots.home;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.IndicatorValue;
import org.jiuquan.grassroots.indicators.Period;

/** The city totals of a chosen quarter, as cards grouped by theme; the map comes with the dashboard. */
@Route("")
@PageTitle("酒泉市基层党组织覆盖")
public class HomeView extends VerticalLayout {

    static final Map<String, String> CATEGORY_TITLES = Map.of(
            "coverage", "组织覆盖", "contact", "领导干部联系点", "strength", "组织建设",
            "people", "队伍建设", "venues", "阵地与保障", "development", "先锋引领", "duty", "责任清单");
    static final List<String> CATEGORY_ORDER = List.of("coverage", "contact", "strength", "people", "venues",
            "development", "duty");

    private final IndicatorService indicators;
    private final Div figures = new Div();
    private final Select<Period> period = new Select<>();

    public HomeView(IndicatorService indicators) {
        this.indicators = indicators;
        setWidthFull();
        setMaxWidth("1400px");
        getStyle().set("margin", "0 auto");

        H1 title = new H1("酒泉市基层党组织覆盖");
        Paragraph synthetic = new Paragraph("区县轮廓为真实数据；村、社区网格党组织和联系点的位置为演示用的虚构数据，"
                + "全市合计与 2017 年《酒泉日报》报道的数字一致。");
        synthetic.addClassName("synthetic-notice");
        synthetic.getStyle().set("color", "var(--lumo-secondary-text-color)");

        List<Period> periods = indicators.periods();
        period.setLabel("时期");
        period.setItems(periods);
        period.setItemLabelGenerator(p -> p.code() + "  " + p.themeZh());
        period.setWidth("28em");
        period.setId("period");
        period.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                showFigures(event.getValue().code());
            }
        });

        Anchor ogc = new Anchor("/ogc", "OGC API（供 QGIS 等 GIS 客户端使用）");
        figures.setId("city-figures");
        figures.setWidthFull();
        add(title, synthetic, period, figures, ogc);
        if (!periods.isEmpty()) {
            period.setValue(periods.get(periods.size() - 1));
        }
    }

    private void showFigures(String periodCode) {
        figures.removeAll();
        Map<String, Indicator> definitions = indicators.indicatorsByCode();
        List<IndicatorValue> values = indicators.cityValues(periodCode);
        for (String category : CATEGORY_ORDER) {
            FlexLayout cards = new FlexLayout();
            cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            cards.getStyle().set("gap", "var(--lumo-space-m)");
            for (IndicatorValue value : values) {
                Indicator indicator = definitions.get(value.indicatorCode());
                if (indicator != null && indicator.category().equals(category)) {
                    cards.add(card(indicator, value.value()));
                }
            }
            if (cards.getComponentCount() > 0) {
                figures.add(new H2(CATEGORY_TITLES.getOrDefault(category, category)), cards);
            }
        }
    }

    private static Div card(Indicator indicator, BigDecimal value) {
        Span number = new Span(format(value, indicator.decimals()));
        number.addClassName("figure-value");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span unit = new Span(" " + indicator.unitZh());
        Div name = new Div(indicator.nameZh());
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(new Div(number, unit), name);
        card.addClassName("figure-card");
        card.getElement().setAttribute("data-indicator", indicator.code());
        card.getStyle().set("padding", "var(--lumo-space-m)").set("min-width", "12em").set("max-width", "18em")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        return card;
    }

    static String format(BigDecimal value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.SIMPLIFIED_CHINESE);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }
}
