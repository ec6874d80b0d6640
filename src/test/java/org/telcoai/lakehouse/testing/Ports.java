package org.telcoai.lakehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A port free at the moment of asking, for a server that cannot bind port 0 and say which port it got (the
 * metastore's Derby network server). Another process may take it before the server binds it; servers that can bind
 * port 0 (serve, the cluster's Master and Workers, HDFS) are started that way instead.
 */
public final class Ports {

    private Ports() { }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
