package io.podctl.plan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void aMissingValueFailsInsteadOfRenderingEmpty() {
        assertThatThrownBy(() -> Templates.render("zookeeper/myid.ftl", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("zookeeper/myid.ftl")
                .hasMessageContaining("myId");
    }

    @Test
    void shellVariablesPassThroughLiterally() {
        assertThat(Templates.render("host/exec-with-flags.sh.ftl", Map.of())).contains("${PRIVATE_IP}").contains("\"${args[@]}\"");
    }

    @Test
    void numbersRenderWithoutGrouping() {
        assertThat(Templates.render("zookeeper/myid.ftl", Map.of("myId", 12345))).isEqualTo("12345\n");
    }
}
