package io.podctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podctl.spec.schema.SpecSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaTest {

    @Test
    void committedSchemaMatchesTheModel() throws Exception {
        Path committed = SpecFixtures.repoRoot().resolve("schema/pod.schema.json");
        assertThat(Files.readString(committed))
                .as("schema/pod.schema.json is stale: copy modules/spec/target/classes/schema/pod.schema.json over it")
                .isEqualTo(SpecSchema.generate());
    }

    @Test
    void schemaKnowsRequiredFieldsEnumsAndForbidsUnknownFields() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SpecSchema.generate());
        JsonNode podSpec = schema.at("/$defs/PodSpec");
        assertThat(podSpec.get("additionalProperties").asBoolean()).isFalse();
        assertThat(podSpec.get("required").toString()).contains("\"tier\"", "\"zones\"", "\"rollout\"");
        assertThat(podSpec.at("/properties/tier").toString()).contains("not-prod", "prod");
        assertThat(schema.at("/$defs/Metadata/properties/name/pattern").asText()).isEqualTo("^[a-z][a-z0-9-]{0,39}$");
        assertThat(schema.at("/$defs/Pod/properties/kind/const").asText()).isEqualTo("Pod");
        // fleet defaults accept any part of a pod spec
        assertThat(schema.at("/$defs/PodSpecDefaults").has("required")).isFalse();
        assertThat(schema.at("/$defs/VersionsDefaults").has("required")).isFalse();
    }

    @Test
    void examplePodsReferenceTheSchemaOnTheirFirstLine() throws Exception {
        try (var files = Files.list(SpecFixtures.podsDir())) {
            for (Path f : files.toList()) {
                assertThat(Files.readAllLines(f).get(0)).isEqualTo("# yaml-language-server: $schema=../schema/pod.schema.json");
            }
        }
    }
}
