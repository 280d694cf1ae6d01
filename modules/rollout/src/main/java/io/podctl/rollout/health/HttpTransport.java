package io.podctl.rollout.health;

import java.io.IOException;
import java.net.URI;

/**
 * How a probe's HTTP request reaches a Mesos master or Marathon: dialled directly, or run on
 * the target's own host. Both answer with the same {@link HttpReply}, so every probe judges the
 * reply the same way whatever carried it.
 */
public interface HttpTransport {

    HttpReply get(URI uri) throws IOException;

    /** A JSON POST (the v1 operator API, the maintenance endpoints). */
    HttpReply post(URI uri, String json) throws IOException;
}
