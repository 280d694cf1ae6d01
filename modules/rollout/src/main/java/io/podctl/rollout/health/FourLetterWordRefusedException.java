package io.podctl.rollout.health;

import java.io.IOException;

/** The server runs but the word is not listed in its {@code 4lw.commands.whitelist}. */
public class FourLetterWordRefusedException extends IOException {

    public FourLetterWordRefusedException(Endpoint server, String word) {
        super(server + " refuses '" + word + "': add it to 4lw.commands.whitelist");
    }
}
