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

    /** @param selected the index of the selected category (district), drawn full while the others fade; or null */
    public record Data(String unit, List<String> categories, List<Series> series, boolean presentation,
                       @org.jspecify.annotations.Nullable Integer selected) {
    }

    /** A click on a bar: the index of its category (district). */
    @com.vaadin.flow.component.DomEvent("bar-click")
    public static class BarClickEvent extends com.vaadin.flow.component.ComponentEvent<IndicatorChart> {
        private final int index;

        public BarClickEvent(IndicatorChart source, boolean fromClient,
                             @com.vaadin.flow.component.EventData("event.detail.index") int index) {
            super(source, fromClient);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    public com.vaadin.flow.shared.Registration addBarClickListener(
            com.vaadin.flow.component.ComponentEventListener<BarClickEvent> listener) {
        return addListener(BarClickEvent.class, listener);
    }

    public IndicatorChart() {
        addAttachListener(event -> event.getUI().getPage().addJsModule(MODULE));
    }

    public void setData(Data data) {
        getElement().setProperty("dataJson", JsonMapper.shared().writeValueAsString(data));
    }
}
