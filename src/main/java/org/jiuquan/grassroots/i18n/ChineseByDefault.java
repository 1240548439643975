package org.jiuquan.grassroots.i18n;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Every page starts in the language {@link LanguageChoice} gives: {@code ?lang=}, else the browser's
 * remembered choice, else Chinese, whatever language the browser itself asks for. It is set before the
 * page's view is made (a UI-wide before-enter listener runs first), so texts built in constructors follow
 * it, and a {@code lang} in the address is remembered for the pages opened next. Once the page is shown,
 * the texts Vaadin's components write in the browser follow it too (ComponentTexts).
 */
@Component
class ChineseByDefault implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            ui.setLocale(Translations.CHINESE);
            ui.addBeforeEnterListener(enter -> {
                var parameters = enter.getLocation().getQueryParameters().getParameters();
                Locale locale = LanguageChoice.of(parameters);
                LanguageChoice.apply(ui, locale);
                if (parameters.containsKey("lang")) {
                    LanguageChoice.remember(ui, locale);
                }
            });
            // After the view's own before-enter (the sign-in page may settle its language there).
            ui.addAfterNavigationListener(after -> ComponentTexts.apply(ui, ui.getLocale()));
        });
    }
}
