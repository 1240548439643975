package org.jiuquan.grassroots.organisations;

/** A data change refused, with the message key (messages.properties and the UI labels) that says why. */
public class DataChangeException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public DataChangeException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
