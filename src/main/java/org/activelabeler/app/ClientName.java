package org.activelabeler.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** How a client names itself on a team's database: its machine and its local folder, e.g. {@code anna-laptop:/home/anna/.local/share/active-labeler}. */
final class ClientName {
    private ClientName() {
    }

    static String of(Path localFolder) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
        String name = host + ":" + localFolder.toAbsolutePath().normalize();
        return name.length() > 512 ? name.substring(name.length() - 512) : name;
    }
}
