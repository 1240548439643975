package org.jiuquan.grassroots.security;

import java.util.List;

/**
 * Origins beyond this server that the pages may load images from (the tiles of a base layer an admin chose),
 * asked on every page so that a change applies to the next page opened.
 */
public interface ContentSources {

    /** scheme://host[:port] entries, possibly with a leading {@code *.} wildcard. */
    List<String> imageOrigins();
}
