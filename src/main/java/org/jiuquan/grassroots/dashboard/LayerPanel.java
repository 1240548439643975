package org.jiuquan.grassroots.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.jiuquan.grassroots.i18n.Formats;
import org.jiuquan.grassroots.map.DashboardState;

/** The layer switches, each with its feature count: a person's switch is reported, the view's own settings are not. */
final class LayerPanel extends Div {

    private final Map<String, Checkbox> switches = new LinkedHashMap<>();
    /** Set while the view moves the switches, so their listeners do not take it for a person's choice. */
    private boolean updating;

    /** @param switched told of a layer a person switched on (true) or off */
    LayerPanel(Map<String, Long> counts, BiConsumer<String, Boolean> switched) {
        add(new H3(getTranslation("layers.title")));
        for (String layer : DashboardState.ALL_LAYERS) {
            Checkbox box = new Checkbox(getTranslation("layers." + layer) + " ("
                    + Formats.number(counts.getOrDefault(layer, 0L), 0, getLocale()) + ")");
            box.setId("layer-" + layer);
            box.addValueChangeListener(event -> {
                if (!updating) {
                    switched.accept(layer, event.getValue());
                }
            });
            switches.put(layer, box);
            add(box);
        }
        Paragraph note = new Paragraph(getTranslation("layers.weak-note"));
        note.addClassName("hint");
        add(note);
        addClassName("panel-section");
    }

    /** Shows these layers switched on, the others off. */
    void show(Set<String> visible) {
        updating = true;
        try {
            switches.forEach((layer, box) -> box.setValue(visible.contains(layer)));
        } finally {
            updating = false;
        }
    }

    /** The texts the map shows itself, in the page's language: layer names in lists, the map's name, pick and swipe. */
    Map<String, String> mapLabels() {
        return Map.of("villages", getTranslation("layers.villages"),
                "grid-branches", getTranslation("layers.grid-branches"),
                "contact-points", getTranslation("layers.contact-points"),
                "enterprises", getTranslation("layers.enterprises"),
                "social-organisations", getTranslation("layers.social-organisations"),
                "map", getTranslation("map.label"), "pick.title", getTranslation("map.pick-title"),
                "swipe", getTranslation("map.swipe"));
    }
}
