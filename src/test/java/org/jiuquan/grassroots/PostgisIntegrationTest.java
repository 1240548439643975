package org.jiuquan.grassroots;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port, over a real PostGIS: the app's own dev service on a throwaway cluster
 * (one per test run, shared by every test that uses this annotation).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ThrowawayPostgis.class)
public @interface PostgisIntegrationTest {
}
