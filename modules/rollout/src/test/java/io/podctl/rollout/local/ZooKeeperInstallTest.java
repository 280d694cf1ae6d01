package io.podctl.rollout.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZooKeeperInstallTest {

    @Test
    void buildProvidesBothReleasesWithTheirServerJar() {
        for (String version : new String[] {"3.8.4", "3.9.5"}) {
            ZooKeeperInstall install = ZooKeeperInstall.of(version);

            assertThat(install.libDir().resolve("zookeeper-" + version + ".jar")).exists();
            assertThat(install.classpath()).endsWith("lib/*");
        }
    }

    @Test
    void unknownReleaseSaysHowToGetIt() {
        assertThatThrownBy(() -> ZooKeeperInstall.of("3.1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no ZooKeeper 3.1.0").hasMessageContaining(ZooKeeperInstall.DISTS_PROPERTY);
    }

    @Test
    void distsDirectoryComesFromTheBuild() {
        assertThat(Files.isDirectory(ZooKeeperInstall.distsDirectory())).isTrue();
    }
}
