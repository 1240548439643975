package org.jiuquan.grassroots.map;

import java.util.List;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import tools.jackson.databind.json.JsonMapper;

/** The Java side of {@code <indicator-chart>}: one indicator across districts (bars) and quarters (series). */
@Tag("indicator-chart")
public class IndicatorChart extends com.vaadin.flow.component.Component implements HasSize {

    public static final String MODULE = "/map/indicator-chart.js";

    public record Series(String name, List<Double> data) {
    }

    public record Data(String unit, List<String> categories, List<Series> series, boolean presentation) {
    }

    public IndicatorChart() {
        addAttachListener(event -> event.getUI().getPage().addJsModule(MODULE));
    }

    public void setData(Data data) {
        getElement().setProperty("dataJson", JsonMapper.shared().writeValueAsString(data));
    }
}
