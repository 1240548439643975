package org.jiuquan.grassroots.dashboard;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import org.jiuquan.grassroots.snapshot.Bookmark;
import org.jiuquan.grassroots.snapshot.BookmarkService;

/**
 * The saved views as a slide show in presentation mode: which slide is shown (the URL's {@code slide}), its
 * caption over the map ("2 / 5 · title"), and stepping to the next or previous one, each opened by navigating
 * to its view with {@code present=1}.
 */
final class SlideShow extends Div {

    private final BookmarkService bookmarks;
    /** The slide being shown (index into the saved views), or -1. */
    private int slide = -1;

    SlideShow(BookmarkService bookmarks) {
        this.bookmarks = bookmarks;
        setId("slide-caption");
        addClassName("slide-caption");
    }

    /** Reads the slide shown from the URL's parameters (none: -1). */
    void readFrom(Map<String, List<String>> parameters) {
        List<String> values = parameters.get("slide");
        slide = values == null || values.isEmpty() || !values.get(0).matches("[0-9]{1,3}") ? -1
                : Integer.parseInt(values.get(0));
    }

    /** Leaving presentation mode ends the show. */
    void stop() {
        slide = -1;
    }

    /** The slide to keep in the URL while presenting, or -1. */
    int current() {
        return slide;
    }

    /** Shows the caption of the current slide while presenting, none otherwise. */
    void showCaption(boolean presenting) {
        List<Bookmark> slides = slide >= 0 && presenting ? bookmarks.all() : List.of();
        boolean shown = slide >= 0 && slide < slides.size();
        setVisible(shown);
        setText(shown ? (slide + 1) + " / " + slides.size() + " · " + slides.get(slide).title() : "");
    }

    /** Opens a saved view in presentation mode, as the slide it is in the list. */
    void open(Bookmark bookmark, boolean presenting) {
        List<Bookmark> slides = bookmarks.all();
        int index = slides.stream().map(Bookmark::id).toList().indexOf(bookmark.id());
        show(slides, Math.max(index, 0), presenting);
    }

    /** The next (1) or previous (-1) slide, going round; nothing outside presentation mode or with no slides. */
    void step(int step, boolean presenting) {
        if (!presenting) {
            return;
        }
        List<Bookmark> slides = bookmarks.all();
        if (slides.isEmpty()) {
            return;
        }
        show(slides, Math.floorMod(slide + step, slides.size()), true);
    }

    private void show(List<Bookmark> slides, int index, boolean presenting) {
        Bookmark bookmark = slides.get(index);
        String query = bookmark.query() + "&present=1&slide=" + index;
        getUI().ifPresent(ui -> ui.navigate("", QueryParameters.fromString(query)));
        if (!presenting) {
            getElement().executeJs("if (document.documentElement.requestFullscreen && !document.fullscreenElement) "
                    + "document.documentElement.requestFullscreen().catch(() => {})");
        }
    }
}
