package dev.switchboard.server.security;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * The server's certificate and key: a PKCS12 keystore and its password. With these the server
 * speaks only https (and wss for the chat widget) on its port.
 */
public record TlsSettings(Path keystore, String password) {
    public TlsSettings {
        if (!Files.isReadable(keystore)) {
            throw new IllegalArgumentException("cannot read the TLS keystore " + keystore);
        }
    }

    /** The https connector on {@code host:port} (port 0: a free one), for Javalin's Jetty. */
    public Connector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(password);
        // TLS 1.2 and 1.3 only (Jetty's defaults already exclude older protocols and weak ciphers)
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        // the certificate is for the address the client used; a self-signed one names 127.0.0.1 and localhost
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** The certificate the server presents (the first key entry's). */
    public X509Certificate certificate() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Certificate c = ks.getCertificate(alias);
                    if (c instanceof X509Certificate x) {
                        return x;
                    }
                }
            }
            throw new IllegalArgumentException("the keystore " + keystore + " holds no key with a certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open the TLS keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        // never the password
        return "TlsSettings[keystore=" + keystore + "]";
    }
}
