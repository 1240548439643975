package org.jiuquan.grassroots.dashboard;

import java.util.List;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;

/** Presentation mode's keys, heard on the whole page: the map, a card or nothing at all may have the focus. */
final class PresentationKeys {

    private PresentationKeys() {
    }

    /**
     * @param toggle Alt+P: enter or leave presentation mode
     * @param leave  Esc, or the browser leaving full screen: leave it
     * @param step   the arrow and page keys: the next (1) or previous (-1) slide
     */
    static void listen(Div view, UI ui, Runnable toggle, Runnable leave, IntConsumer step) {
        Shortcuts.addShortcutListener(view, toggle::run, Key.KEY_P, KeyModifier.ALT).listenOn(ui);
        Shortcuts.addShortcutListener(view, leave::run, Key.ESCAPE).listenOn(ui).allowBrowserDefault().allowEventPropagation();
        // In full screen the browser takes Esc for itself and leaves full screen: leave presentation with it.
        view.getElement().executeJs("const view = this; document.addEventListener('fullscreenchange', () => {"
                + " if (!document.fullscreenElement) view.dispatchEvent(new CustomEvent('fullscreen-left')); })");
        view.getElement().addEventListener("fullscreen-left", event -> leave.run());
        // In presentation mode the arrow keys (and a presenter's page keys) step through the saved views, as a
        // slide show. Heard page-wide, since focus is nowhere in particular during a show; the keys keep their
        // usual meaning everywhere else (typing in a field, scrolling).
        for (Key key : List.of(Key.ARROW_RIGHT, Key.PAGE_DOWN, Key.ARROW_LEFT, Key.PAGE_UP)) {
            int direction = key == Key.ARROW_RIGHT || key == Key.PAGE_DOWN ? 1 : -1;
            Shortcuts.addShortcutListener(view, () -> step.accept(direction), key).listenOn(ui).allowBrowserDefault();
        }
    }
}
