package io.podctl.rollout.fakes;

import io.podctl.rollout.health.Endpoint;

import java.util.List;
import java.util.stream.IntStream;

/** The Marathon instances of one pod; starts with no leader. */
public final class FakeMarathons implements AutoCloseable {

    private final List<FakeMarathon> instances;
    /** Every started instance by endpoint, so a standby can proxy /v2/info to its leader. */
    private static final java.util.Map<Endpoint, FakeMarathon> ALL = new java.util.concurrent.ConcurrentHashMap<>();

    private FakeMarathons(List<FakeMarathon> instances) {
        this.instances = instances;
        instances.forEach(i -> ALL.put(i.endpoint(), i));
    }

    static FakeMarathon at(Endpoint endpoint) {
        return endpoint == null ? null : ALL.get(endpoint);
    }

    public static FakeMarathons start(int count) {
        return new FakeMarathons(IntStream.range(0, count).mapToObj(i -> new FakeMarathon()).toList());
    }

    /** Instance {@code index} leads; the others proxy to it. */
    public FakeMarathons elect(int index) {
        Endpoint leader = instances.get(index).endpoint();
        for (int i = 0; i < instances.size(); i++) {
            if (i == index) {
                instances.get(i).leads();
            } else {
                instances.get(i).follows(leader);
            }
        }
        return this;
    }

    public FakeMarathons electing() {
        instances.forEach(FakeMarathon::electing);
        return this;
    }

    public FakeMarathons noLeader() {
        instances.forEach(FakeMarathon::noLeader);
        return this;
    }

    public FakeMarathons deploymentsRunning(boolean running) {
        instances.forEach(i -> i.deploymentsRunning(running));
        return this;
    }

    public FakeMarathon instance(int index) {
        return instances.get(index);
    }

    public List<Endpoint> endpoints() {
        return instances.stream().map(FakeMarathon::endpoint).toList();
    }

    @Override
    public void close() {
        instances.forEach(i -> ALL.remove(i.endpoint()));
        instances.forEach(FakeMarathon::close);
    }
}
