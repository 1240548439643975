package org.jiuquan.grassroots.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import java.net.SocketException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells an unreachable database (stopped, restarting, network gone, pool exhausted waiting for it) from a
 * fault of the request or the code: the first is the service being unavailable for a while, answered with
 * 503 and {@code Retry-After}; the second stays a 500.
 */
public final class DatabaseOutage {

    /** What a client is told to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean isOutage(@Nullable Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof SocketException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // A commit or rollback on a dead connection fails, and that exception hides the one that mattered;
            // a transaction that cannot even reach the server to end itself is an outage.
            if (t instanceof TransactionSystemException ending && (ending.getCause() instanceof SQLException
                    || ending.getApplicationException() != null && isOutage(ending.getApplicationException()))) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), and the server going away under us: 57P01 admin shutdown,
     * 57P02 crash shutdown, 57P03 cannot connect now (starting up or recovering).
     */
    private static boolean isConnectionState(@Nullable String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
