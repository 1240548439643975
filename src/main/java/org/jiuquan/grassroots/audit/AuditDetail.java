package org.jiuquan.grassroots.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * What an audit row says about its action, kept as a message key and its arguments rather than as text, so
 * that each reader sees it in their own language (the audit page and its CSV render it). An argument is
 * one of three kinds: a {@link String}, which is data (a name, a title, a file name, a path) and is shown as
 * written; a number; or another {@code AuditDetail}, a phrase translated in its turn (a role, a status, the
 * reason of a refusal).
 *
 * @param key  a message key of the UI's bundles (i18n/labels) or of the API's (messages)
 * @param args the arguments of the key's pattern, in order
 */
public record AuditDetail(String key, List<Object> args) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public AuditDetail {
        if (!key.matches("[a-z0-9_.-]+")) {
            throw new IllegalArgumentException("not a message key: " + key);
        }
        for (Object arg : args) {
            if (!(arg instanceof String || arg instanceof Number || arg instanceof AuditDetail)) {
                throw new IllegalArgumentException("an audit detail holds text, numbers and details, not " + arg);
            }
        }
        args = List.copyOf(args);
    }

    /** A detail; null arguments become empty text (a missing value is still a value a reader can see). */
    public static AuditDetail of(String key, @Nullable Object... args) {
        List<Object> list = new ArrayList<>();
        for (Object arg : args) {
            list.add(arg == null ? "" : arg instanceof Number || arg instanceof AuditDetail ? arg : arg.toString());
        }
        return new AuditDetail(key, list);
    }

    /** The arguments as JSON (the {@code detail_args} column): text, numbers, and {"key", "args"} objects. */
    public String argsJson() {
        return JSON.writeValueAsString(argsNode(this));
    }

    /** The detail stored as {@code detail_key} and {@code detail_args}. */
    public static AuditDetail read(String key, @Nullable String argsJson) {
        if (argsJson == null || argsJson.isBlank()) {
            return new AuditDetail(key, List.of());
        }
        return new AuditDetail(key, args(JSON.readTree(argsJson)));
    }

    private static ArrayNode argsNode(AuditDetail detail) {
        ArrayNode array = JSON.createArrayNode();
        for (Object arg : detail.args) {
            if (arg instanceof AuditDetail nested) {
                array.addObject().put("key", nested.key).set("args", argsNode(nested));
            } else if (arg instanceof Number number) {
                array.add(new BigDecimal(number.toString()));
            } else {
                array.add((String) arg);
            }
        }
        return array;
    }

    private static List<Object> args(JsonNode array) {
        List<Object> list = new ArrayList<>();
        for (JsonNode node : array) {
            if (node.isObject()) {
                list.add(new AuditDetail(node.path("key").asString(), args(node.path("args"))));
            } else if (node.isNumber()) {
                list.add(node.decimalValue());
            } else {
                list.add(node.asString());
            }
        }
        return list;
    }
}
