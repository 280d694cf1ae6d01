package io.podctl.rollout.health;

import java.io.IOException;

/** Sends one ZooKeeper four-letter word to a server and returns its whole reply. */
@FunctionalInterface
public interface FourLetterWords {

    String send(Endpoint server, String word) throws IOException;
}
