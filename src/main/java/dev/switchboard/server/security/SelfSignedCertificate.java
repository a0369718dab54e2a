package dev.switchboard.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default's certificate: made once into the data directory with the JDK's own
 * {@code keytool} (no extra library), for {@code 127.0.0.1} and {@code localhost}, valid ten years,
 * and made again when it is about to expire. The desktop trusts exactly this certificate; a browser
 * opening the chat demo page is told it is self-signed and asks the user once.
 *
 * <p>Files in {@code <data>/tls/}: {@code server.p12} (the key, PKCS12), {@code keystore-password}
 * (random; readable by the owner only where the file system allows) and {@code server.crt} (the
 * certificate in PEM, to import into a browser or pass to {@code --trust-cert}).
 */
public final class SelfSignedCertificate {
    public static final String KEYSTORE = "server.p12";
    public static final String PASSWORD = "keystore-password";
    public static final String CERTIFICATE = "server.crt";
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private SelfSignedCertificate() {
    }

    /** The TLS settings of the certificate in {@code dataDir/tls}, made first when missing or expiring. */
    public static TlsSettings ensure(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        Path keystore = dir.resolve(KEYSTORE);
        Path passwordFile = dir.resolve(PASSWORD);
        try {
            if (Files.isRegularFile(keystore) && Files.isRegularFile(passwordFile)) {
                TlsSettings held = new TlsSettings(keystore, Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
                X509Certificate cert = held.certificate();
                if (cert.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))) {
                    writePem(cert, dir.resolve(CERTIFICATE));
                    return held;
                }
            }
            return generate(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the embedded server's certificate in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Where {@link #ensure} keeps the certificate in PEM. */
    public static Path certificateFile(Path dataDir) {
        return dataDir.resolve("tls").resolve(CERTIFICATE);
    }

    private static TlsSettings generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path fresh = Files.createTempFile(dir, "server", ".p12");
        Files.delete(fresh);
        String keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool").toString();
        if (!Files.isExecutable(Path.of(keytool))) {
            throw new IOException("this Java runtime has no keytool (" + keytool + ") to make the certificate with; "
                    + "give the server a keystore of its own instead");
        }
        List<String> cmd = List.of(keytool, "-genkeypair", "-alias", "switchboard", "-keyalg", "EC", "-groupname",
                "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650", "-dname",
                "CN=localhost, O=Switchboard embedded server", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", fresh.toString(), "-storepass:env", "SB_KEYSTORE_PASSWORD");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // the password goes through the environment, never the command line other users can read
        pb.environment().put("SB_KEYSTORE_PASSWORD", password);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the certificate", e);
        }
        Path passwordFile = dir.resolve(PASSWORD);
        Path tmpPassword = Files.createTempFile(dir, "password", ".tmp");
        ownerOnly(tmpPassword);
        Files.writeString(tmpPassword, password, StandardCharsets.UTF_8);
        ownerOnly(fresh);
        move(fresh, dir.resolve(KEYSTORE));
        move(tmpPassword, passwordFile);
        TlsSettings settings = new TlsSettings(dir.resolve(KEYSTORE), password);
        writePem(settings.certificate(), dir.resolve(CERTIFICATE));
        return settings;
    }

    private static void writePem(X509Certificate cert, Path file) throws IOException {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(pem)) {
                Files.writeString(file, pem, StandardCharsets.US_ASCII);
            }
        } catch (CertificateEncodingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the user's profile folder is private already
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
