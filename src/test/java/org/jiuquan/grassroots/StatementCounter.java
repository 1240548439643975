package org.jiuquan.grassroots;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the SQL statements the app runs through its JdbcClient (each {@code sql(...)} is one statement),
 * for tests that hold an action to a number of statements. Registered for every test context from
 * META-INF/spring (a test resource), so the shared context stays one context; the app's own code is
 * unchanged. Counts every thread: call it while nothing else runs.
 */
@AutoConfiguration
public class StatementCounter {

    private static final AtomicLong STATEMENTS = new AtomicLong();
    private static final Queue<String> RECENT = new ConcurrentLinkedQueue<>();

    public interface Action {
        void run() throws Exception;
    }

    /** How many statements the app ran during {@code action}. */
    public static long count(Action action) throws Exception {
        RECENT.clear();
        long before = STATEMENTS.get();
        action.run();
        return STATEMENTS.get() - before;
    }

    /** The statements of the last {@link #count} (their SQL on one line each), for a test's report. */
    public static List<String> lastStatements() {
        return List.copyOf(RECENT);
    }

    @Bean
    static BeanPostProcessor countingJdbcClient() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcClient jdbc ? counting(jdbc) : bean;
            }
        };
    }

    private static JdbcClient counting(JdbcClient jdbc) {
        return (JdbcClient) Proxy.newProxyInstance(JdbcClient.class.getClassLoader(), new Class<?>[] {JdbcClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sql")) {
                        STATEMENTS.incrementAndGet();
                        RECENT.add(String.valueOf(args[0]).strip().replaceAll("\\s+", " "));
                    }
                    try {
                        return method.invoke(jdbc, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
