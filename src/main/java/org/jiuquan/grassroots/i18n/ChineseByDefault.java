package org.jiuquan.grassroots.i18n;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Every page starts in Chinese, whatever language the browser asks for (a meeting-room PC set to English
 * must not turn the app English); a page switches with {@code ?lang=en}, and a page reached from an
 * English one stays English.
 */
@Component
class ChineseByDefault implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(Translations.CHINESE));
    }
}
