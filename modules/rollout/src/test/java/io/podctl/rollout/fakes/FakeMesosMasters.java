package io.podctl.rollout.fakes;

import io.podctl.rollout.health.Endpoint;

import java.util.List;
import java.util.stream.IntStream;

/** The masters of one pod, with elections decided by the test. Starts with no leader. */
public final class FakeMesosMasters implements AutoCloseable {

    private final List<FakeMesosMaster> masters;

    private FakeMesosMasters(List<FakeMesosMaster> masters) {
        this.masters = masters;
    }

    public static FakeMesosMasters start(int count) {
        return new FakeMesosMasters(IntStream.range(0, count).mapToObj(i -> new FakeMesosMaster()).toList());
    }

    /** Master {@code index} leads: it reports elected, every master redirects to it. */
    public FakeMesosMasters elect(int index) {
        Endpoint leader = masters.get(index).endpoint();
        for (int i = 0; i < masters.size(); i++) {
            masters.get(i).elected(i == index).leader(leader);
        }
        return this;
    }

    /** Nobody leads: all report standby, redirect answers 503. */
    public FakeMesosMasters noLeader() {
        masters.forEach(m -> m.elected(false).leader(null));
        return this;
    }

    public FakeMesosMaster master(int index) {
        return masters.get(index);
    }

    public List<Endpoint> endpoints() {
        return masters.stream().map(FakeMesosMaster::endpoint).toList();
    }

    @Override
    public void close() {
        masters.forEach(FakeMesosMaster::close);
    }
}
