package org.jiuquan.grassroots.availability;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;

/**
 * The notice across the top of a page while the database is unreachable, in the page's language. The page
 * polls the server meanwhile; when the probe finds the database back, the banner goes and the current
 * view is built again (same URL, no reload), so maps, tables and figures are whole again by themselves.
 */
final class OutageBanner extends Div {

    static final String ID = "outage-banner";

    private OutageBanner(String text) {
        setId(ID);
        addClassName("outage-banner");
        getElement().setAttribute("role", "alert");
        // Inline, so it shows even where a stylesheet could not load.
        getStyle().set("position", "fixed").set("top", "0").set("left", "0").set("right", "0").set("z-index", "10000")
                .set("padding", "10px 16px").set("background", "#b3261e").set("color", "white")
                .set("font-size", "16px").set("text-align", "center");
        setText(text);
    }

    /** Shows the banner on this page (once) and restores the page when the database is back. */
    static void show(UI ui, DatabaseProbe probe) {
        if (ui.getChildren().anyMatch(OutageBanner.class::isInstance)) {
            return;
        }
        ui.add(new OutageBanner(ui.getTranslation("outage.banner")));
        ui.setPollInterval((int) DatabaseProbe.CHECK_EVERY_MS);
        probe.whenBack(() -> {
            try {
                ui.access(() -> restore(ui));
                return true;
            } catch (UIDetachedException e) {
                return false;
            }
        });
    }

    private static void restore(UI ui) {
        ui.getChildren().filter(OutageBanner.class::isInstance).toList().forEach(ui::remove);
        ui.setPollInterval(-1);
        ui.refreshCurrentRoute(true);
    }
}
