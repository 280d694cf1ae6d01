package io.podctl.spec.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.podctl.spec.model.ArtifactsFile;
import io.podctl.spec.model.Fleet;
import io.podctl.spec.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema of pod and fleet files, generated from the spec records so it cannot drift
 * from the binder. Editors (yaml-language-server) use it for completion and checks; podctl
 * itself validates with the binder and rules, which also know positions and cross-pod rules.
 */
public final class SpecSchema {
    public static final String ID = "https://podctl.io/schema/pod.schema.json";

    private SpecSchema() {}

    public static String generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY, JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.DEFINITIONS_FOR_ALL_OBJECTS,
                        Option.PLAIN_DEFINITION_KEYS);
        config.forFields().withStringPatternResolver(field ->
                field.getDeclaringType().getErasedType() == io.podctl.spec.model.Metadata.class && field.getName().equals("name")
                        ? "^[a-z][a-z0-9-]{0,39}$" : null);
        SchemaGenerator generator = new SchemaGenerator(config.build());
        ObjectNode pod = generator.generateSchema(Pod.class);
        ObjectNode fleet = generator.generateSchema(Fleet.class);
        ObjectNode artifacts = generator.generateSchema(ArtifactsFile.class);

        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", "podctl pod, fleet or artifacts file (podctl/v1)");
        root.put("description", "Generated from the spec model by podctl; do not edit by hand.");
        ObjectNode defs = root.putObject("$defs");
        copyDefinitions(pod, defs);
        copyDefinitions(fleet, defs);
        copyDefinitions(artifacts, defs);
        defs.set("Pod", topLevel(pod, "Pod"));
        defs.set("Fleet", topLevel(fleet, "Fleet"));
        defs.set("Artifacts", artifactsTopLevel(topLevel(artifacts, "Artifacts"), generator, defs));
        relaxDefaults(defs);
        root.putArray("oneOf").addObject().put("$ref", "#/$defs/Pod");
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("oneOf")).addObject().put("$ref", "#/$defs/Fleet");
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("oneOf")).addObject().put("$ref", "#/$defs/Artifacts");
        try {
            return json.enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(json.readTree(json.writeValueAsString(root))) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyDefinitions(ObjectNode schema, ObjectNode defs) {
        JsonNode own = schema.get("$defs");
        if (own != null) {
            own.fields().forEachRemaining(e -> defs.set(e.getKey(), e.getValue()));
        }
    }

    private static ObjectNode topLevel(ObjectNode schema, String kind) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("$schema");
        copy.remove("$defs");
        ObjectNode props = (ObjectNode) copy.get("properties");
        ((ObjectNode) props.get("kind")).put("const", kind);
        ((ObjectNode) props.get("apiVersion")).put("const", "podctl/v1");
        return copy;
    }

    /** The generator cannot see through a map of maps: spell out component -> version -> Artifact. */
    private static ObjectNode artifactsTopLevel(ObjectNode top, SchemaGenerator generator, ObjectNode defs) {
        ObjectNode artifact = generator.generateSchema(io.podctl.spec.model.Artifact.class);
        artifact.remove("$schema");
        defs.set("Artifact", artifact);
        defs.remove("Map_String.Map_String.Artifact__");
        ObjectNode spec = (ObjectNode) top.get("properties").get("spec");
        spec.remove("$ref");
        spec.put("type", "object");
        ObjectNode versions = spec.putObject("additionalProperties");
        versions.put("type", "object");
        versions.putObject("additionalProperties").put("$ref", "#/$defs/Artifact");
        return top;
    }

    /** Fleet defaults may state any part of a pod spec: the same shapes without "required". */
    private static void relaxDefaults(ObjectNode defs) {
        ObjectNode fleetSpec = (ObjectNode) defs.get("FleetSpec");
        ObjectNode defaultsProp = (ObjectNode) fleetSpec.get("properties").get("defaults");
        String podSpecRef = "#/$defs/PodSpec";
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add("PodSpec");
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!seen.add(name)) {
                continue;
            }
            ObjectNode relaxed = defs.get(name).deepCopy();
            relaxed.remove("required");
            rewriteRefs(relaxed, todo);
            defs.set(name + "Defaults", relaxed);
        }
        defaultsProp.put("$ref", podSpecRef + "Defaults");
    }

    private static void rewriteRefs(JsonNode node, Deque<String> todo) {
        if (node instanceof ObjectNode obj) {
            JsonNode ref = obj.get("$ref");
            if (ref != null && ref.asText().startsWith("#/$defs/")) {
                String target = ref.asText().substring("#/$defs/".length());
                todo.add(target);
                obj.put("$ref", "#/$defs/" + target + "Defaults");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
            while (fields.hasNext()) {
                rewriteRefs(fields.next().getValue(), todo);
            }
        } else if (node != null && node.isArray()) {
            node.forEach(child -> rewriteRefs(child, todo));
        }
    }

    /** Build step: writes the schema to the given file. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, generate());
    }
}
