package io.podctl.rollout.health;

/**
 * What carries each role's probes: four-letter words to ZooKeeper, HTTP to the Mesos masters
 * (with the operator credential when they require one) and to Marathon (with its credentials).
 */
public record ProbeTransport(FourLetterWords zookeeper, HttpTransport mesos, HttpTransport marathon) {

    /** Every probe dialled directly, without credentials. */
    public static ProbeTransport direct() {
        return new ProbeTransport(new FourLetterWordClient(), new ProbeHttpClient(), new ProbeHttpClient());
    }
}
