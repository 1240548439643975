package org.jiuquan.grassroots.basemap;

/** A base layer that cannot be used, with the message key (i18n basemap.*) and its arguments for the admin. */
public class BaseLayerException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    BaseLayerException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
