package io.podctl.aws.probe;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The command text a probe runs on a pod host, against the service on that host's loopback.
 * Replies travel back gzipped and base64-encoded on one line each: ZooKeeper 3.6+'s {@code mntr}
 * alone is ~20 KB of metrics and a large {@code /v2/apps} far more, while SSM returns 24,000
 * characters of output. A last line {@link #END} proves the output was not cut.
 */
final class HostCommands {

    static final String END = "@@podctl-end";

    private static final Pattern WORD = Pattern.compile("[a-z]{4}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9/_.?=&%-]*");

    private HostCommands() {}

    /** Each word on its own connection to 127.0.0.1:port: a line "WORD ok BASE64-OF-GZIP" or "WORD down". */
    static String fourLetterWords(int port, List<String> words) {
        for (String word : words) {
            if (!WORD.matcher(word).matches()) {
                throw new IllegalArgumentException("not a four-letter word: " + word);
            }
        }
        String script = "for w in " + String.join(" ", words) + "; do\n"
                + "  if exec 3<>/dev/tcp/127.0.0.1/" + port + "; then\n"
                + "    printf %s \"$w\" >&3\n"
                + "    r=$(timeout 5 cat <&3 | gzip -c | base64 -w0)\n"
                + "    exec 3<&-\n"
                + "    echo \"$w ok $r\"\n"
                + "  else\n"
                + "    echo \"$w down\"\n"
                + "  fi\n"
                + "done\n"
                + "echo " + END + "\n";
        return Shell.bash(script);
    }

    /**
     * One HTTP request to 127.0.0.1:port with curl: a line "curl EXIT BASE64" of the gzipped
     * status line, headers and body, or "secret unreadable". The credential reaches curl as a
     * config file on its stdin, from a builtin: it shows in neither the command text nor argv.
     */
    static String http(String method, int port, String pathAndQuery, Optional<String> jsonBody, Optional<HostSecret> credential) {
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (!PATH.matcher(pathAndQuery).matches()) {
            throw new IllegalArgumentException("unsupported path " + pathAndQuery);
        }
        StringBuilder script = new StringBuilder("set -o pipefail\n");
        StringBuilder curl = new StringBuilder("curl -sS -i -m 10 -X " + method + " -H 'Accept: application/json' -H 'Expect:'");
        if (credential.isPresent()) {
            script.append("v=$(").append(credential.get().readCommand()).append(") || { echo 'secret unreadable'; echo ")
                    .append(END).append("; exit 0; }\n")
                    // curl's config syntax: a quoted value with backslash and quote escaped
                    .append("v=${v//\\\\/\\\\\\\\}; v=${v//\\\"/\\\\\\\"}\n");
            curl.insert(0, "printf 'user = \"%s\"\\n' \"$v\" | ").append(" -K -");
        }
        jsonBody.ifPresent(body -> curl.append(" -H 'Content-Type: application/json' --data-binary ").append(Shell.quote(body)));
        curl.append(" ").append(Shell.quote("http://127.0.0.1:" + port + pathAndQuery));
        script.append("r=$(").append(curl).append(" | gzip -c | base64 -w0); rc=$?\n")
                .append("echo \"curl $rc $r\"\n")
                .append("echo ").append(END).append("\n");
        return Shell.bash(script.toString());
    }
}
