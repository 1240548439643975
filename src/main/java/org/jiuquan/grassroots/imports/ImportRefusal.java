package org.jiuquan.grassroots.imports;

import org.jiuquan.grassroots.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A file (or a request about one) refused as a whole, with a message key of messages.properties. It is an
 * {@link ApiProblem}, so the API answers it as a problem in the caller's language; the data page shows
 * the same message.
 */
public class ImportRefusal extends ApiProblem {

    ImportRefusal(HttpStatus status, String key, Object... args) {
        super(status, key, args);
    }

    static ImportRefusal badFile(String key, Object... args) {
        return new ImportRefusal(HttpStatus.BAD_REQUEST, key, args);
    }

    public String key() {
        return messageKey();
    }

    public Object[] args() {
        return arguments();
    }
}
