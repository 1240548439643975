package org.jiuquan.grassroots.snapshot;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jiuquan.grassroots.map.DashboardState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * The dashboard's export and slides controls: PNG and PDF of the current view (links to the snapshot
 * endpoint, so the file is exactly what a script would get), the meeting pack (made in the background
 * with a progress bar, offered only when complete), and the saved views that make the meeting's slides.
 */
public class SnapshotPanel extends Div {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPanel.class);

    private final SnapshotExportService exports;
    private final BookmarkService bookmarks;
    private final Supplier<DashboardState> view;
    private final Supplier<@Nullable String> selection;
    private final Supplier<@Nullable String> township;
    private final Consumer<Bookmark> openSlide;

    private final Select<PageSize> size = new Select<>();
    private final Select<Integer> dpi = new Select<>();
    private final TextField title = new TextField();
    private final TextField notes = new TextField();
    private final Anchor png = new Anchor();
    private final Anchor pdf = new Anchor();
    private final Button pack = new Button();
    /** Offered when a district is chosen: its pack adds a page per township after the district's page. */
    private final Checkbox packTownships = new Checkbox();
    private final ProgressBar progress = new ProgressBar();
    private final Div packResult = new Div();
    private final TextField slideTitle = new TextField();
    private final SlideList slideList;
    private final Checkbox shareNew = new Checkbox();
    private final Anchor slidesPdf = new Anchor();
    private final Button startShow = new Button();

    public SnapshotPanel(SnapshotExportService exports, BookmarkService bookmarks,
                         Supplier<DashboardState> view, Supplier<@Nullable String> selection,
                         Supplier<@Nullable String> township, Consumer<Bookmark> openSlide) {
        this.township = township;
        this.exports = exports;
        this.bookmarks = bookmarks;
        this.view = view;
        this.selection = selection;
        this.openSlide = openSlide;
        this.slideList = new SlideList(bookmarks, openSlide, shown -> {
            slidesPdf.setVisible(!shown.isEmpty());
            startShow.setVisible(!shown.isEmpty());
        });
        setId("snapshot-panel");
        addClassName("snapshot-panel");

        size.setId("snapshot-size");
        size.setLabel(getTranslation("export.size"));
        size.setItems(PageSize.values());
        size.setItemLabelGenerator(s -> getTranslation("export.size." + s.code()));
        size.setValue(PageSize.SCREEN);
        dpi.setId("snapshot-dpi");
        dpi.setLabel(getTranslation("export.dpi"));
        dpi.setItems(96, 150, 300);
        dpi.setValue(150);
        title.setId("snapshot-title");
        title.setLabel(getTranslation("export.title"));
        title.setPlaceholder(getTranslation("export.title.placeholder"));
        title.setMaxLength(SnapshotRequest.MAX_TITLE);
        title.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        notes.setId("snapshot-notes");
        notes.setLabel(getTranslation("export.notes"));
        notes.setMaxLength(SnapshotRequest.MAX_NOTES);
        notes.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        for (var field : List.of(size, dpi)) {
            field.addValueChangeListener(event -> viewChanged());
        }
        title.addValueChangeListener(event -> viewChanged());
        notes.addValueChangeListener(event -> viewChanged());
        png.setId("export-png");
        png.setText(getTranslation("export.png"));
        pdf.setId("export-pdf");
        pdf.setText(getTranslation("export.pdf"));
        for (Anchor link : List.of(png, pdf, slidesPdf)) {
            link.getElement().setAttribute("download", true);
            link.setRouterIgnore(true);
            link.addClassName("export-link");
        }

        pack.setId("meeting-pack");
        pack.setText(getTranslation("export.pack"));
        pack.addClickListener(event -> makeMeetingPack());
        packTownships.setId("meeting-pack-townships");
        packTownships.setLabel(getTranslation("export.pack.townships"));
        progress.setId("meeting-pack-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        packResult.setId("meeting-pack-result");

        slideTitle.setId("slide-title");
        slideTitle.setPlaceholder(getTranslation("slides.title.placeholder"));
        slideTitle.setMaxLength(SnapshotRequest.MAX_TITLE);
        Button save = new Button(getTranslation("slides.save"), event -> saveSlide());
        save.setId("slide-save");
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        shareNew.setId("slide-share-new");
        shareNew.setLabel(getTranslation("slides.shared"));
        shareNew.setValue(true);
        startShow.setId("slides-start");
        startShow.setText(getTranslation("slides.start"));
        startShow.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        startShow.addClickListener(event -> bookmarks.all().stream().findFirst().ifPresent(openSlide));
        slidesPdf.setId("slides-pdf");
        slidesPdf.setText(getTranslation("slides.pdf"));

        Div links = new Div(png, new Span(" · "), pdf);
        links.addClassName("export-links");
        add(new H3(getTranslation("export.heading")), size, dpi, title, notes, links, packTownships, pack, progress, packResult,
                new H3(getTranslation("slides.heading")), new Span(getTranslation("slides.help")),
                new Div(slideTitle, save, shareNew), slideList, new Div(startShow, slidesPdf));
        refreshSlides();
        viewChanged();
    }

    /** The dashboard's view changed: the download links follow it. */
    public void viewChanged() {
        DashboardState state = view.get().withPresentation(false);
        List<String> query = new ArrayList<>();
        query.add(BookmarkService.query(state));
        query.add("size=" + size.getValue().code());
        query.add("dpi=" + dpi.getValue());
        if (!title.getValue().isBlank()) {
            query.add("title=" + encode(title.getValue().strip()));
        }
        if (!notes.getValue().isBlank()) {
            query.add("notes=" + encode(notes.getValue().strip()));
        }
        String selected = selection.get();
        if (selected != null) {
            query.add("selection=" + selected);
        }
        String drilledInto = township.get();
        if (drilledInto != null) {
            // Drilled into a township: the page shows that township (its area, figures and weak organisations).
            query.add("township=" + drilledInto);
        }
        String base = "api/snapshot?" + String.join("&", query);
        png.setHref(base + "&format=png");
        pdf.setHref(base + "&format=pdf");
        slidesPdf.setHref("api/snapshot/slides?size=" + size.getValue().code() + "&lang=" + state.lang());
        packTownships.setVisible(state.district() != null);
    }

    private void makeMeetingPack() {
        UI ui = UI.getCurrent();
        DashboardState state = view.get();
        PageSize page = size.getValue() == PageSize.SCREEN ? PageSize.A4_LANDSCAPE : size.getValue();
        // Who exports is read now: the background thread serves no request and has no signed-in user.
        SnapshotExportService.Requester requester = exports.requester();
        boolean townships = state.district() != null && packTownships.getValue();
        pack.setEnabled(false);
        progress.setVisible(true);
        packResult.removeAll();
        ui.setPollInterval(500);
        Thread.ofVirtual().name("meeting-pack").start(() -> {
            byte[] file = null;
            try {
                String query = String.join("&", state.toParameters().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());
                file = townships ? exports.meetingPack(requester, state, page, state.district(), true, query)
                        : exports.meetingPack(requester, state, page, query);
            } catch (RuntimeException e) {
                log.warn("The meeting pack failed; no file was offered", e);
            }
            byte[] done = file;
            try {
                ui.access(() -> finishMeetingPack(done, state));
            } catch (UIDetachedException e) {
                // The user has left the page: nobody is waiting for the file, and it is dropped whole.
            }
        });
    }

    private void finishMeetingPack(byte @Nullable [] file, DashboardState state) {
        pack.setEnabled(true);
        progress.setVisible(false);
        UI.getCurrent().setPollInterval(-1);
        if (file == null) {
            Notification.show(getTranslation("export.pack.failed")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        String name = "jiuquan-meeting-pack-" + state.indicator() + "-" + state.period() + ".pdf";
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(file), name, "application/pdf", file.length)),
                getTranslation("export.pack.download", file.length / 1024));
        download.setId("meeting-pack-download");
        download.getElement().setAttribute("download", true);
        packResult.add(download);
    }

    private void saveSlide() {
        try {
            bookmarks.add(slideTitle.getValue(), view.get(), shareNew.getValue());
            slideTitle.clear();
            refreshSlides();
            // At the map's corner, not over the controls the user is working with.
            Notification.show(getTranslation("slides.saved"), 3000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            Notification.show(getTranslation(e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refreshSlides() {
        slideList.refresh();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
