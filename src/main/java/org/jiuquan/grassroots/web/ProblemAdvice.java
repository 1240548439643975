package org.jiuquan.grassroots.web;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the HTTP API becomes an RFC 9457 problem (application/problem+json) whose title and
 * detail are in the caller's language (Accept-Language; Chinese by default). No stack trace, no SQL.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final MessageSource messages;

    ProblemAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ResponseEntity<ProblemDetail> response = problem(problem.status(), text(problem.messageKey(), problem.arguments()));
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        problem.headers().forEach(headers::set);
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, text("problem.type-mismatch", e.getName(), String.valueOf(e.getValue())));
    }

    /** A service refusing a caller the URL rules let through (defence in depth): the same 403 as the rules give. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, text("problem.forbidden"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.isOutage(e)) {
            log.warn("Request refused with 503: the database is unreachable ({})", e.getMessage());
            ResponseEntity<ProblemDetail> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE,
                    text("problem.database-unavailable", DatabaseOutage.RETRY_AFTER_SECONDS));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(unavailable.getBody());
        }
        log.error("Unexpected error while serving a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.internal"));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text("problem.missing-parameter",
                ex.getParameterName()));
        return handleExceptionInternal(ex, detail, headers, status, request);
    }

    /** Spring's own errors (missing parameter, wrong method...) also get a title in the caller's language. */
    @Override
    // Null as in Spring's own: when the response is already committed there is nothing left to send.
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail detail = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(statusCode);
        detail.setTitle(title(statusCode));
        return super.handleExceptionInternal(ex, detail, headers, statusCode, request);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        return ResponseEntity.status(status).body(problem);
    }

    private String title(HttpStatusCode status) {
        String fallback = HttpStatus.valueOf(status.value()).getReasonPhrase();
        return Objects.requireNonNullElse(messages.getMessage("problem.title." + status.value(), null, fallback,
                locale()), fallback);
    }

    private String text(String key, Object... arguments) {
        return Objects.requireNonNullElse(messages.getMessage(key, arguments, key, locale()), key);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
