package org.jiuquan.grassroots.i18n;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.UploadI18N;

/**
 * The texts Vaadin's own components bring with them, in the page's language: a date picker's month and day
 * names, buttons and date format, and the labels Vaadin's grid gives its column sorters ("Sort by ...",
 * English whatever the page's language, written by its client-side connector).
 */
public final class ComponentTexts {

    /** The bundles hold no state: any instance reads the same texts. */
    private static final Translations TEXTS = new Translations();

    private ComponentTexts() {
    }

    /** A date picker speaking the page's language: names, today and cancel, and ISO dates (2017-12-31). */
    public static DatePicker.DatePickerI18n datePicker(Locale locale) {
        Locale supported = Translations.supported(locale);
        List<String> months = Arrays.stream(java.time.Month.values())
                .map(month -> month.getDisplayName(TextStyle.FULL, supported)).toList();
        List<DayOfWeek> sundayFirst = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(months)
                .setWeekdays(sundayFirst.stream().map(day -> day.getDisplayName(TextStyle.FULL, supported)).toList())
                .setWeekdaysShort(sundayFirst.stream().map(day -> day.getDisplayName(TextStyle.SHORT, supported)).toList())
                .setFirstDayOfWeek(1)
                .setToday(TEXTS.getTranslation("date-picker.today", supported))
                .setCancel(TEXTS.getTranslation("date-picker.cancel", supported))
                .setBadInputErrorMessage(TEXTS.getTranslation("date-picker.bad-input", supported))
                .setDateFormat("yyyy-MM-dd");
    }

    /** Gives a date picker the page's language (its label is the caller's). */
    public static DatePicker translate(DatePicker picker, Locale locale) {
        picker.setI18n(datePicker(locale));
        return picker;
    }

    /**
     * Fills in what an upload's own texts leave in English: a file's buttons (retry, start, remove), the
     * states of an upload under way, and its errors from the server. The caller words the drop label, the
     * button and the refusals, which depend on what is uploaded.
     */
    public static UploadI18N upload(UploadI18N i18n, Locale locale) {
        Locale supported = Translations.supported(locale);
        java.util.function.Function<String, String> tr = key -> TEXTS.getTranslation("upload." + key, supported);
        i18n.setFile(new UploadI18N.File().setRetry(tr.apply("retry")).setStart(tr.apply("start"))
                .setRemove(tr.apply("remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(tr.apply("connecting"))
                        .setStalled(tr.apply("stalled")).setProcessing(tr.apply("processing")).setHeld(tr.apply("held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(tr.apply("remaining"))
                        .setUnknown(tr.apply("remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(tr.apply("server-unavailable"))
                        .setUnexpectedServerError(tr.apply("server-error")).setForbidden(tr.apply("forbidden"))
                        .setFileTooLarge(tr.apply("too-large"))));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }

    /**
     * Tells the page its language: the {@code lang} of its root element (screen readers pick their voice by
     * it) and the words of grid sorters' labels, rewritten as grids draw their headers.
     */
    static void apply(UI ui, Locale locale) {
        Locale supported = Translations.supported(locale);
        ui.getPage().executeJs(SCRIPT, Translations.isEnglish(supported) ? "en" : "zh-CN",
                TEXTS.getTranslation("grid.sort-by", supported, "\u0000"));
    }

    /**
     * One observer per page, kept across navigation; the label pattern is updated on every navigation. The
     * connector writes "Sort by " + the header text; that header text is kept, the words around it replaced.
     */
    private static final String SCRIPT = """
            document.documentElement.lang = $0;
            window.jiuquanSortLabel = $1;
            const relabel = sorter => {
              const label = sorter.getAttribute('aria-label');
              if (label && label.startsWith('Sort by ')) {
                sorter.dataset.sortLabel = label.substring(8);
              }
              const header = sorter.dataset.sortLabel;
              if (header !== undefined) {
                const wanted = window.jiuquanSortLabel.replace('\\u0000', header);
                if (label !== wanted) sorter.setAttribute('aria-label', wanted);
              }
            };
            const all = () => document.querySelectorAll('vaadin-grid-sorter[aria-label]').forEach(relabel);
            all();
            if (!window.jiuquanSortObserver) {
              window.jiuquanSortObserver = new MutationObserver(records => {
                for (const record of records) {
                  if (record.type === 'attributes') {
                    if (record.target.localName === 'vaadin-grid-sorter') relabel(record.target);
                  } else {
                    for (const node of record.addedNodes) {
                      if (node.nodeType === 1 && (node.localName === 'vaadin-grid-sorter'
                          || node.querySelector('vaadin-grid-sorter'))) {
                        all();
                        return;
                      }
                    }
                  }
                }
              });
              window.jiuquanSortObserver.observe(document.body,
                  { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
            }""";
}
