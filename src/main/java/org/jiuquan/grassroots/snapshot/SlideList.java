package org.jiuquan.grassroots.snapshot;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The saved slides in order. Anyone opens a slide; its author (or an admin) moves it up or down, shares it
 * or keeps it private, and deletes it after a confirmation, with an undo offered for a few seconds.
 */
class SlideList extends Div {

    static final int UNDO_MILLIS = 8000;

    private final BookmarkService bookmarks;
    private final Consumer<Bookmark> openSlide;
    private final Consumer<List<Bookmark>> shown;

    /** @param shown told the slides now listed (the panel hides its show and PDF buttons when none) */
    SlideList(BookmarkService bookmarks, Consumer<Bookmark> openSlide, Consumer<List<Bookmark>> shown) {
        this.bookmarks = bookmarks;
        this.openSlide = openSlide;
        this.shown = shown;
        setId("slide-list");
    }

    void refresh() {
        removeAll();
        List<Bookmark> all = bookmarks.all();
        for (int i = 0; i < all.size(); i++) {
            add(row(all.get(i), i, all.size()));
        }
        shown.accept(all);
    }

    private Div row(Bookmark bookmark, int index, int count) {
        Button open = new Button((index + 1) + ". " + bookmark.title(), event -> openSlide.accept(bookmark));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.addClassName("slide-open");
        org.jiuquan.grassroots.i18n.DataValues.mark(open); // its title is data, shown as written
        Div row = new Div(open);
        row.addClassName("slide-row");
        row.getElement().setAttribute("data-slide", String.valueOf(bookmark.id()));
        if (!bookmark.shared()) {
            Span mine = new Span(getTranslation("slides.private"));
            mine.addClassName("slide-private");
            row.add(mine);
        }
        if (!bookmarks.mayChange(bookmark)) {
            return row;
        }
        Button up = small("↑", "slides.up", "slide-up", () -> bookmarks.move(bookmark.id(), -1));
        up.setEnabled(index > 0);
        Button down = small("↓", "slides.down", "slide-down", () -> bookmarks.move(bookmark.id(), 1));
        down.setEnabled(index < count - 1);
        Checkbox shared = new Checkbox(getTranslation("slides.shared"), bookmark.shared());
        shared.addClassName("slide-shared");
        shared.addValueChangeListener(event -> act(() -> bookmarks.share(bookmark.id(), event.getValue())));
        Button delete = new Button("×", event -> confirmDelete(bookmark));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        delete.addClassName("slide-delete");
        delete.setTooltipText(getTranslation("slides.delete"));
        delete.setAriaLabel(getTranslation("slides.delete"));
        row.add(up, down, shared, delete);
        return row;
    }

    private Button small(String text, String tooltipKey, String className, Runnable action) {
        Button button = new Button(text, event -> act(action));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.addClassName(className);
        button.setTooltipText(getTranslation(tooltipKey));
        button.setAriaLabel(getTranslation(tooltipKey));
        return button;
    }

    private void confirmDelete(Bookmark bookmark) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("slide-delete-confirm");
        dialog.setHeader(getTranslation("slides.delete.confirm", bookmark.title()));
        dialog.setText(getTranslation("slides.delete.confirm.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("slides.cancel"));
        dialog.setConfirmText(getTranslation("slides.delete.yes"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            act(() -> bookmarks.delete(bookmark.id()));
            offerUndo(bookmark);
        });
        dialog.open();
    }

    private void offerUndo(Bookmark bookmark) {
        Notification notification = new Notification();
        notification.setDuration(UNDO_MILLIS);
        notification.setPosition(Notification.Position.BOTTOM_END);
        Button undo = new Button(getTranslation("slides.undo"), event -> {
            act(() -> bookmarks.restore(bookmark.id()));
            notification.close();
        });
        undo.setId("slide-undo");
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        notification.add(new Span(getTranslation("slides.deleted", bookmark.title())), undo);
        notification.open();
    }

    /** Runs a change and redraws the list; a refusal (not the author, already gone) is said, not thrown. */
    private void act(Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            Notification.show(getTranslation(e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
