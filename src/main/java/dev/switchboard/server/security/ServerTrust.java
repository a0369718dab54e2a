package dev.switchboard.server.security;

import okhttp3.OkHttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * How the server's own helpers in this process (the simulator's chat visitors and webhook senders)
 * reach it: over plain http, or over https trusting exactly the server's certificate.
 */
public final class ServerTrust {
    /** Plain http: nothing to trust. */
    public static final ServerTrust PLAIN = new ServerTrust(null, null);

    private final SSLContext context;
    private final X509TrustManager trustManager;

    private ServerTrust(SSLContext context, X509TrustManager trustManager) {
        this.context = context;
        this.trustManager = trustManager;
    }

    /** Trusts this certificate and no other. */
    public static ServerTrust of(X509Certificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("server", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
            return new ServerTrust(context, tm);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot trust the server's certificate: " + e.getMessage(), e);
        }
    }

    /** The builder, set to trust the server's certificate when it has one. */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        return context == null ? builder : builder.sslSocketFactory(context.getSocketFactory(), trustManager);
    }
}
