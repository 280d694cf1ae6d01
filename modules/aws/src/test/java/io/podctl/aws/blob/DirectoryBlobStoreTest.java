package io.podctl.aws.blob;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

class DirectoryBlobStoreTest extends BlobStoreContract {

    @TempDir Path dir;

    @Override
    BlobStore newStore() {
        return new DirectoryBlobStore(dir.resolve("state"));
    }

    @Test
    void keysBecomeFilesAndNoTempFilesRemain() throws IOException {
        store.put("journal/prd-pod-1.json", bytes("{}"));
        store.putIfAbsent("locks/prd-pod-1", bytes("me"));

        assertThat(dir.resolve("state/journal/prd-pod-1.json")).hasContent("{}");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void twoStoresOnOneDirectoryShareTheLock() throws Exception {
        try (BlobStore other = new DirectoryBlobStore(dir.resolve("state"))) {
            assertThat(store.putIfAbsent("lock", bytes("a"))).isTrue();
            assertThat(other.putIfAbsent("lock", bytes("b"))).isFalse();
        }
    }
}
