package org.jiuquan.grassroots.maintenance;

import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.i18n.DataValues;
import org.jiuquan.grassroots.imports.ImportRefusal;
import org.jiuquan.grassroots.imports.ImportService;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;

/** The dataset versions, newest first, each restorable by an editor of the whole city. */
class VersionList extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(AuditLog.ZONE);

    VersionList(ImportService imports, MessageSource messages, Consumer<String> report) {
        setId("versions");
        Grid<VersionRow> grid = new Grid<>();
        grid.setAllRowsVisible(true);
        grid.addColumn(VersionRow::n).setHeader(getTranslation("data.version.n")).setAutoWidth(true);
        grid.addColumn(v -> getTranslation("data.version.kind." + v.kind())).setHeader(getTranslation("data.version.kind"));
        // File names and usernames are data, shown as written in either language.
        grid.addColumn(VersionRow::file).setHeader(getTranslation("data.version.file")).setPartNameGenerator(DataValues::part);
        grid.addColumn(VersionRow::by).setHeader(getTranslation("data.version.by")).setPartNameGenerator(DataValues::part);
        grid.addColumn(VersionRow::at).setHeader(getTranslation("data.version.at"));
        grid.addColumn(v -> "+" + v.added() + " ~" + v.changed() + " -" + v.removed())
                .setHeader(getTranslation("data.version.counts"));
        boolean citywide = imports.currentScope().isEmpty();
        Runnable refresh = () -> grid.setItems(imports.versions().stream().map(v -> new VersionRow(v.n(), v.kind(),
                v.fileName(), v.appliedBy(), TIME.format(v.appliedAt()), v.added(), v.changed(), v.removed())).toList());
        grid.addComponentColumn(v -> {
            Button restore = new Button(getTranslation("data.version.restore"), e -> {
                try {
                    ImportService.Applied applied = imports.restore(v.n());
                    report.accept(getTranslation("data.restored", v.n(), applied.version()));
                } catch (ImportRefusal refusal) {
                    report.accept(messages.getMessage(refusal.key(), refusal.args(), refusal.key(), getLocale()));
                }
                refresh.run();
            });
            restore.setEnabled(citywide);
            return restore;
        });
        refresh.run();
        add(new H2(getTranslation("data.versions")), grid);
    }

    record VersionRow(int n, String kind, String file, String by, String at, int added, int changed, int removed) {
    }
}
