package org.jiuquan.grassroots.demodata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How long each step of a dataset load took, in order: logged after every load, so that a slow start-up
 * says where its time went (and read by the start-up benchmark).
 */
public final class LoadSteps {

    /** One step and its wall time. */
    public record Step(String name, long millis) {
    }

    private final List<Step> steps = new ArrayList<>();
    private long started = System.nanoTime();

    /** Ends the running step under this name and starts the next one. */
    void done(String name) {
        long now = System.nanoTime();
        steps.add(new Step(name, (now - started) / 1_000_000));
        started = now;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public long totalMillis() {
        return steps.stream().mapToLong(Step::millis).sum();
    }

    @Override
    public String toString() {
        return steps.stream().map(s -> String.format(Locale.ROOT, "%s %,d ms", s.name(), s.millis()))
                .collect(Collectors.joining(", "));
    }
}
