package org.jiuquan.grassroots.maintenance;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.imports.DistrictChanges;
import org.jiuquan.grassroots.imports.ImportRefusal;
import org.jiuquan.grassroots.imports.ImportService;
import org.jiuquan.grassroots.imports.Issue;
import org.jiuquan.grassroots.imports.Preview;
import org.jiuquan.grassroots.map.GeoMap;
import org.jiuquan.grassroots.map.MapStyle;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;

/**
 * A staged import before it is applied: the counts per district, every error and warning where a person
 * can fix it, the changes on the map (added, changed, removed in their own colours), and apply / cancel.
 */
class ImportPreviewPanel extends Div {

    /** How many issues are listed on the page; all of them are in the errors workbook. */
    private static final int LISTED_ISSUES = 200;
    static final Map<String, String> CHANGE_COLOURS = Map.of("added", "#009E73", "changed", "#0072B2",
            "removed", "#D55E00");

    private final ImportService imports;
    private final MessageSource messages;
    private final Consumer<String> onDone;
    private final GeoMap map = new GeoMap();
    private final IntegerField confirm = new IntegerField();
    private @Nullable Preview preview;

    ImportPreviewPanel(ImportService imports, MessageSource messages, @Nullable MapStyle style, Consumer<String> onDone) {
        this.imports = imports;
        this.messages = messages;
        this.onDone = onDone;
        setId("import-preview");
        addClassName("import-preview");
        map.setId("preview-map");
        map.setWidthFull();
        map.setHeight("420px");
        map.setLayers(Map.of("districts", true, "villages", false, "grid-branches", false, "contact-points", false));
        if (style != null) {
            map.setStyle(style);
        }
        confirm.setId("import-confirm");
        setVisible(false);
    }

    void show(Preview staged) {
        this.preview = staged;
        removeAll();
        map.setLanguage(Translations.isEnglish(getLocale()) ? "en" : "zh");
        Paragraph summary = new Paragraph(getTranslation("data.preview.summary", staged.file(), staged.rows(),
                staged.added(), staged.changed(), staged.removed()));
        summary.setId("preview-summary");
        Div districts = new Div();
        districts.setId("preview-districts");
        for (DistrictChanges d : staged.districts()) {
            if (d.added() + d.changed() + d.removed() > 0) {
                districts.add(new Div(getTranslation("data.preview.district", d.nameZh(), d.added(), d.changed(),
                        d.removed(), d.live())));
            }
        }
        add(new H2(getTranslation("data.preview.title")), summary, districts, issues("preview-errors",
                staged.errors(), "data.preview.errors"), issues("preview-warnings", staged.warnings(), "data.preview.warnings"));
        if (!staged.errors().isEmpty() || !staged.warnings().isEmpty()) {
            Anchor workbook = new Anchor("/api/data/imports/" + staged.id() + "/errors.xlsx",
                    getTranslation("data.preview.errors-xlsx"));
            workbook.setId("preview-errors-xlsx");
            workbook.getElement().setAttribute("download", true);
            add(workbook);
        }
        add(legend(), map);
        map.setOverlayUrl("/api/data/imports/" + staged.id() + "/changes");
        // Zoom to what changes (with a margin, so a single village is shown with its surroundings).
        imports.changesExtent(staged.id()).ifPresent(box -> map.setExtent(new double[] {box[0] - 0.05, box[1] - 0.05,
                box[2] + 0.05, box[3] + 0.05}));
        Button apply = new Button(getTranslation("data.preview.apply"), e -> apply());
        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(staged.canApply());
        Button cancel = new Button(getTranslation("data.preview.cancel"), e -> cancel());
        cancel.setId("import-cancel");
        Div actions = new Div();
        actions.addClassName("import-actions");
        if (staged.confirmRemovedNeeded() > 0) {
            confirm.setLabel(getTranslation("data.preview.confirm", staged.confirmRemovedNeeded()));
            confirm.clear();
            actions.add(confirm);
        }
        actions.add(apply, cancel);
        add(actions);
        setVisible(true);
    }

    private Div issues(String id, java.util.List<Issue> issues, String titleKey) {
        Div box = new Div();
        box.setId(id);
        if (issues.isEmpty()) {
            return box;
        }
        box.add(new Paragraph(getTranslation(titleKey, issues.size())));
        UnorderedList list = new UnorderedList();
        issues.stream().limit(LISTED_ISSUES).forEach(issue -> list.add(new ListItem(where(issue) + text(issue))));
        box.add(list);
        return box;
    }

    private String where(Issue issue) {
        StringBuilder out = new StringBuilder(issue.file());
        if (issue.sheet() != null) {
            out.append(" · ").append(issue.sheet());
        }
        if (issue.row() != null) {
            out.append(" · ").append(getTranslation("data.preview.row", issue.row()));
        }
        if (issue.column() != null) {
            out.append(" · ").append(issue.column());
        }
        return out.append("：").toString();
    }

    private String text(Issue issue) {
        return Objects.requireNonNullElse(
                messages.getMessage(issue.key(), issue.args().toArray(), issue.key(), getLocale()), issue.key());
    }

    private Div legend() {
        Div legend = new Div();
        legend.addClassName("import-legend");
        for (String change : java.util.List.of("added", "changed", "removed")) {
            Span swatch = new Span();
            swatch.addClassNames("legend-swatch", "shape-circle");
            if (change.equals("removed")) {
                swatch.getStyle().set("background-color", "#ffffff").set("border", "3px solid " + CHANGE_COLOURS.get(change))
                        .set("box-sizing", "border-box");
            } else {
                swatch.getStyle().set("background-color", CHANGE_COLOURS.get(change));
            }
            Span item = new Span(swatch, new Span(getTranslation("data.change." + change)));
            item.getStyle().set("margin-right", "1.2em");
            legend.add(item);
        }
        return legend;
    }

    private void apply() {
        Preview staged = preview;
        if (staged == null) {
            return;
        }
        try {
            Long confirmed = confirm.getValue() == null ? null : confirm.getValue().longValue();
            ImportService.Applied applied = imports.apply(staged.id(), confirmed);
            hideAndReport(getTranslation("data.applied", applied.version(), applied.added(), applied.changed(),
                    applied.removed()));
        } catch (ImportRefusal refusal) {
            onDone.accept(messages.getMessage(refusal.key(), refusal.args(), refusal.key(), getLocale()));
        }
    }

    private void cancel() {
        Preview staged = preview;
        if (staged != null) {
            try {
                imports.cancel(staged.id());
            } catch (ImportRefusal refusal) {
                // already applied or cancelled elsewhere: nothing left to cancel
            }
        }
        hideAndReport(getTranslation("data.cancelled"));
    }

    private void hideAndReport(String message) {
        preview = null;
        removeAll();
        map.setOverlayUrl("");
        setVisible(false);
        onDone.accept(message);
    }
}
