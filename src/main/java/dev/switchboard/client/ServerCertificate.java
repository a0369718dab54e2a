package dev.switchboard.client;

import okhttp3.OkHttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * A server certificate the desktop trusts instead of the JDK's certificate authorities: the embedded
 * default's self-signed one, or a team server's given with {@code --trust-cert}. Only servers
 * presenting one of the certificates in the file are accepted; the host name is still checked
 * against the certificate.
 */
public final class ServerCertificate {
    private final Path file;
    private final SSLContext context;
    private final X509TrustManager trustManager;

    private ServerCertificate(Path file, SSLContext context, X509TrustManager trustManager) {
        this.file = file;
        this.context = context;
        this.trustManager = trustManager;
    }

    /** Reads the certificate(s) of a PEM or DER file. */
    public static ServerCertificate load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("server-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {tm}, null);
            return new ServerCertificate(file, context, tm);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificate " + file + ": " + e.getMessage(), e);
        }
    }

    /** The builder, set to trust this certificate and no other. */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        return builder.sslSocketFactory(context.getSocketFactory(), trustManager);
    }

    /** Applies {@code trust} to the builder, or leaves it as it is (the JDK's authorities) when null. */
    public static OkHttpClient.Builder apply(ServerCertificate trust, OkHttpClient.Builder builder) {
        return trust == null ? builder : trust.applyTo(builder);
    }

    public Path file() {
        return file;
    }
}
