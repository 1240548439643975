package org.jiuquan.grassroots.snapshot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.snapshot.SnapshotRepository.WeakOrganisation;
import org.springframework.stereotype.Component;

/**
 * A district page of the meeting pack names the district's weak and rectifying organisations of the
 * quarter (name, township, fortress index, since when) and marks them on its map, so a meeting sees which
 * ones they are rather than a ring among many symbols.
 */
@Component
class WeakOrganisationList {

    /** More rows than this would shrink the side table below legibility; the rest are counted. */
    static final int MAX_ROWS = 12;
    static final Color WEAK = Color.decode("#D55E00");
    static final Color RECTIFYING = Color.decode("#E69F00");

    private final SnapshotRepository repository;
    private final Translations translations;

    WeakOrganisationList(SnapshotRepository repository, Translations translations) {
        this.repository = repository;
        this.translations = translations;
    }

    List<WeakOrganisation> of(String districtCode, String period) {
        return repository.weakOrganisations(districtCode, period);
    }

    /** A heading row, then one row per organisation (weakest first), then how many more there are. */
    List<PageContent.TableRow> rows(List<WeakOrganisation> weak, Locale locale) {
        List<PageContent.TableRow> rows = new ArrayList<>();
        rows.add(new PageContent.TableRow(tr("snapshot.weak-heading", locale, weak.size()), "", "", true));
        if (weak.isEmpty()) {
            rows.add(new PageContent.TableRow(tr("snapshot.weak-none", locale), "", "", false));
            return rows;
        }
        for (WeakOrganisation organisation : weak.subList(0, Math.min(MAX_ROWS, weak.size()))) {
            String name = organisation.townshipZh() == null ? organisation.nameZh()
                    : organisation.nameZh() + " · " + organisation.townshipZh();
            String index = organisation.fortressIndex() == null ? "–"
                    : organisation.fortressIndex().stripTrailingZeros().toPlainString();
            rows.add(new PageContent.TableRow(name, index, tr("snapshot.weak-since", locale,
                    tr("status." + organisation.status(), locale), organisation.since().toString()), false));
        }
        if (weak.size() > MAX_ROWS) {
            rows.add(new PageContent.TableRow(tr("snapshot.weak-more", locale, weak.size() - MAX_ROWS), "", "", false));
        }
        return rows;
    }

    /** Each one as a disc on the map (weak and rectifying in their own colours), with its legend lines. */
    PageContent.Overlay marks(List<WeakOrganisation> weak, Locale locale) {
        List<PageContent.Spot> spots = weak.stream().map(o -> new PageContent.Spot(o.x(), o.y(),
                o.status().equals("weak") ? WEAK : RECTIFYING)).toList();
        List<PageContent.LegendLine> legend = List.of(
                new PageContent.LegendLine(WEAK, tr("status.weak", locale), false),
                new PageContent.LegendLine(RECTIFYING, tr("status.rectifying", locale), false));
        return new PageContent.Overlay(List.of(), spots, legend);
    }

    private String tr(String key, Locale locale, Object... parameters) {
        return translations.getTranslation(key, locale, parameters);
    }
}
