package io.podctl.rollout.health;

/** What one Marathon instance answers to {@code GET /v2/leader}. */
public sealed interface MarathonLeaderAnswer {

    Endpoint asked();

    /** One line for logs and health facts. */
    String describe();

    /**
     * 200 with {@code {"leader":"host:port"}}.
     *
     * @param proxied      the reply carries {@code Via}: a standby forwarded the request to the leader
     * @param leaderHeader {@code X-Marathon-Leader} ("http://host:port"), blank when absent
     */
    record Led(Endpoint asked, Endpoint leader, boolean proxied, String leaderHeader) implements MarathonLeaderAnswer {
        @Override
        public String describe() {
            return "leader " + leader + (proxied ? " (proxied)" : "");
        }
    }

    /** 404 "There is no leader". */
    record NoLeader(Endpoint asked) implements MarathonLeaderAnswer {
        @Override
        public String describe() {
            return "no leader (404)";
        }
    }

    /** 502 from a standby that could not reach a leader, typically while one is being elected. */
    record Electing(Endpoint asked) implements MarathonLeaderAnswer {
        @Override
        public String describe() {
            return "election in progress (502)";
        }
    }

    /** No answer, or one this probe does not understand. */
    record Unreachable(Endpoint asked, String problem) implements MarathonLeaderAnswer {
        @Override
        public String describe() {
            return "unreachable (" + problem + ")";
        }
    }
}
