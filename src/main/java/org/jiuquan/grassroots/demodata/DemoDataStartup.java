package org.jiuquan.grassroots.demodata;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jiuquan.grassroots.localdb.NoDatabaseConfigured;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the demo dataset right after Flyway has migrated, so the app never serves an empty schema.
 * By default only into the app's own PostGIS; a configured database gets it only when asked (load).
 * The dataset is made on a thread of its own from the moment this is created (before PostGIS has started),
 * so that generating a large demo (seconds at JIUQUAN_DEMO_SCALE=230) overlaps starting the database and
 * migrating it instead of following them.
 */
@Component
class DemoDataStartup implements Callback {

    private static final Logger log = LoggerFactory.getLogger(DemoDataStartup.class);

    private final DemoDataSettings settings;
    private final ObjectProvider<DatasetLoader> loader;
    private final boolean ownDatabase;
    private final CompletableFuture<Dataset> dataset;

    DemoDataStartup(@Value("${jiuquan.demo.mode}") String mode, @Value("${jiuquan.demo.scale}") String scale,
                    @Value("${jiuquan.data.dir}") String dataDir,
                    ObjectProvider<DatasetLoader> loader, Environment environment) {
        this.settings = DemoDataSettings.of(mode, scale, dataDir);
        this.loader = loader;
        this.ownDatabase = NoDatabaseConfigured.in(environment);
        this.dataset = settings.shouldLoad(ownDatabase)
                ? CompletableFuture.supplyAsync(settings::dataset,
                        runnable -> Thread.ofPlatform().daemon().name("demo-data").start(runnable))
                : CompletableFuture.failedFuture(new IllegalStateException("no demo data to load"));
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (!settings.shouldLoad(ownDatabase)) {
            return;
        }
        DatasetLoader datasetLoader = loader.getObject();
        // Data an editor imported is the city's data now: a restart must not put the demo back over it.
        if (datasetLoader.loadedDatasetName().filter(name -> name.startsWith(DatasetLoader.IMPORTED_PREFIX)).isPresent()) {
            log.info("Imported data is in place; the demo dataset is not loaded over it");
            return;
        }
        datasetLoader.load(dataset());
    }

    /** The dataset made in the background; its own exception (a bad data directory, say) if it failed. */
    private Dataset dataset() {
        try {
            return dataset.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public String getCallbackName() {
        return "demo-data";
    }
}
