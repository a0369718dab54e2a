package dev.switchboard.installer;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The small tools of the installer test: commands, control-file fields, a plain GET, process checks. */
final class Commands {
    private Commands() {
    }

    /** Runs a command in {@code dir} and returns its output; fails with that output unless it exits 0. */
    static String run(Path dir, Duration timeout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeout);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    /**
     * {@code Key<sep>value} lines (a Debian control file, a desktop entry); lines starting with a space
     * continue the value before, lines without the separator (e.g. {@code [Desktop Entry]}) are skipped.
     */
    static Map<String, String> fields(String text, char separator) {
        Map<String, String> out = new LinkedHashMap<>();
        String last = null;
        for (String line : text.split("\n")) {
            if (line.startsWith(" ") && last != null) {
                out.put(last, out.get(last) + "\n" + line.trim());
                continue;
            }
            int at = line.indexOf(separator);
            if (at > 0) {
                last = line.substring(0, at).trim();
                out.put(last, line.substring(at + 1).trim());
            }
        }
        return out;
    }

    /**
     * The body of a 200 answer to GET {@code url}, else an IOException. An https address of the embedded
     * default carries a certificate the server made for itself, so it is accepted here without a check:
     * this asks only whether the server answers.
     */
    static String httpGet(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        if (c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(TrustAll.CONTEXT.getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        c.setConnectTimeout(2_000);
        c.setReadTimeout(5_000);
        try {
            if (c.getResponseCode() != 200) {
                throw new IOException(url + " answered " + c.getResponseCode());
            }
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            c.disconnect();
        }
    }

    /** Live processes whose command line mentions {@code text} (e.g. the test's temporary folder). */
    static List<ProcessHandle> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                .toList();
    }

    private static final class TrustAll {
        static final SSLContext CONTEXT = context();

        private static SSLContext context() {
            X509TrustManager any = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {any}, null);
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
