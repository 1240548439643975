package org.jiuquan.grassroots.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import org.jspecify.annotations.Nullable;

/**
 * The story of the year on the map, in meetings too (it stays in presentation mode): a play button stepping
 * through the quarters from the first, and a second quarter to compare with the selected one (a swipe).
 */
class QuarterBar extends Div {

    /** How long each quarter stays on the map while playing: time to read it aloud. */
    static final int STEP_MILLIS = 2500;

    private final List<String> periods;
    private final Consumer<String> showPeriod;
    private final Supplier<String> shownPeriod;
    private final Button play = new Button();
    private final Select<String> compare = new Select<>();
    private boolean playing;
    private boolean updating;

    QuarterBar(List<String> periods, Consumer<String> showPeriod, Supplier<String> shownPeriod,
               Consumer<@Nullable String> showCompare) {
        this.periods = periods;
        this.showPeriod = showPeriod;
        this.shownPeriod = shownPeriod;
        addClassName("quarter-bar");
        setId("quarter-bar");
        play.setId("play-quarters");
        play.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        play.addClickListener(event -> {
            if (playing) {
                stop();
            } else {
                start();
            }
        });
        compare.setId("compare-period");
        compare.setAriaLabel(getTranslation("compare.label"));
        List<String> items = new ArrayList<>(List.of(""));
        items.addAll(periods);
        compare.setItems(items);
        compare.setItemLabelGenerator(p -> p.isEmpty() ? getTranslation("compare.none") : getTranslation("compare.with", p));
        compare.addValueChangeListener(event -> {
            if (!updating) {
                showCompare.accept(event.getValue() == null || event.getValue().isEmpty() ? null : event.getValue());
            }
        });
        add(play, compare);
        showPlaying();
    }

    /** Shows the compared quarter of a state (from a URL) without reporting it back as a choice. */
    void setCompare(@Nullable String period) {
        updating = true;
        try {
            compare.setValue(period == null ? "" : period);
        } finally {
            updating = false;
        }
    }

    private void start() {
        if (periods.isEmpty()) {
            return;
        }
        playing = true;
        showPlaying();
        showPeriod.accept(periods.get(0));
        getElement().executeJs("clearInterval(this.__play); this.__play = setInterval(() => this.$server.step(), $0)",
                STEP_MILLIS);
    }

    /** The next quarter, from the browser's timer; after the last one the play stops there. */
    @ClientCallable
    void step() {
        int next = periods.indexOf(shownPeriod.get()) + 1;
        if (!playing || next <= 0 || next >= periods.size()) {
            stop();
            return;
        }
        showPeriod.accept(periods.get(next));
        if (next == periods.size() - 1) {
            stop();
        }
    }

    private void stop() {
        playing = false;
        showPlaying();
        getElement().executeJs("clearInterval(this.__play)");
    }

    private void showPlaying() {
        play.setText(getTranslation(playing ? "play.stop" : "play.start"));
        getElement().setAttribute("data-playing", String.valueOf(playing));
    }
}
