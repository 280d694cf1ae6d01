package io.podctl.engine;

import com.pulumi.automation.OperationType;

/** What the engine does to one resource, in our own terms (labels as the Pulumi CLI prints them). */
public enum ResourceOp {
    CREATE("create", "created"),
    UPDATE("update", "updated"),
    REPLACE("replace", "replaced"),
    CREATE_REPLACEMENT("create-replacement", "created replacement"),
    DELETE_REPLACED("delete-replaced", "deleted replaced"),
    DELETE("delete", "deleted"),
    SAME("same", "unchanged"),
    READ("read", "read"),
    REFRESH("refresh", "refreshed"),
    IMPORT("import", "imported"),
    OTHER("other", "done");

    private final String label;
    private final String pastTense;

    ResourceOp(String label, String pastTense) {
        this.label = label;
        this.pastTense = pastTense;
    }

    public String label() {
        return label;
    }

    public String pastTense() {
        return pastTense;
    }

    /** True for operations that change something in the cloud. */
    public boolean changes() {
        return this != SAME && this != READ && this != REFRESH && this != OTHER;
    }

    static ResourceOp of(OperationType type) {
        if (type == null) {
            return OTHER;
        }
        return switch (type) {
            case CREATE -> CREATE;
            case UPDATE -> UPDATE;
            case REPLACE -> REPLACE;
            case CREATE_REPLACEMENT -> CREATE_REPLACEMENT;
            case DELETE_REPLACED -> DELETE_REPLACED;
            case DELETE -> DELETE;
            case SAME -> SAME;
            case READ, READ_REPLACEMENT, READ_DISCARD -> READ;
            case REFRESH -> REFRESH;
            case IMPORT, IMPORT_REPLACEMENT -> IMPORT;
            default -> OTHER;
        };
    }
}
