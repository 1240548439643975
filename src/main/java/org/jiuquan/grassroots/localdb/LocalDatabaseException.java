package org.jiuquan.grassroots.localdb;

/** The private PostGIS cluster could not be provided; the message names what to do. */
public class LocalDatabaseException extends RuntimeException {
    public LocalDatabaseException(String message) {
        super(message);
    }

    public LocalDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
