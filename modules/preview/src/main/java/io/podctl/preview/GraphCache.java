package io.podctl.preview;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.pulumi.resources.Resource;
import io.podctl.infra.PlannedResource;
import io.podctl.infra.PodProgram;
import io.podctl.plan.PodPlanner;
import io.podctl.spec.model.Pod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Resource graphs on disk, keyed by the bound pod spec and the {@link CodeFingerprint}: the
 * graph is a pure function of both, and the mock engine costs a few hundred milliseconds per
 * pod, so a re-pushed pull request (or CI restoring the cache) only runs the pods that changed.
 * A cache that cannot be read or written is skipped, never an error.
 */
public final class GraphCache {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS) // record components only, not isComponent()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS) // the mock engine's whole numbers are Long
            .build();
    private static final CollectionType GRAPH = JSON.getTypeFactory().constructCollectionType(List.class, PlannedResource.class);

    private final Path dir;
    private final String fingerprint;

    GraphCache(Path dir, String fingerprint) {
        this.dir = dir;
        this.fingerprint = fingerprint;
    }

    /** A cache under {@code dir} for the code of this build. */
    public static GraphCache at(Path dir) {
        return new GraphCache(dir, CodeFingerprint.of(PodPlanner.class, PodProgram.class, com.pulumi.aws.ec2.Instance.class, Resource.class));
    }

    Optional<List<PlannedResource>> get(Pod pod) {
        Path file = file(pod);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), GRAPH));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void put(Pod pod, List<PlannedResource> graph) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "graph", ".tmp");
            JSON.writeValue(tmp.toFile(), graph);
            Files.move(tmp, file(pod), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // a cache write that fails only costs the next run its speed-up
        }
    }

    private Path file(Pod pod) {
        try {
            var digest = CodeFingerprint.sha256();
            digest.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            digest.update(JSON.writeValueAsBytes(pod));
            return dir.resolve(HexFormat.of().formatHex(digest.digest()) + ".json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
