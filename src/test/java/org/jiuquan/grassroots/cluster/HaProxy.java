package org.jiuquan.grassroots.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * HAProxy in front of app instances with the configuration docs/deploy.md gives: round robin, and a cookie that
 * keeps a browser's Vaadin session on the instance that holds it.
 */
final class HaProxy implements AutoCloseable {

    private final Process process;
    private final int port;

    private HaProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static HaProxy over(Path directory, List<Integer> appPorts) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StringBuilder config = new StringBuilder("""
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 60s
                    timeout server 60s
                frontend dashboard
                    bind 127.0.0.1:%d
                    default_backend instances
                backend instances
                    balance roundrobin
                    cookie JQ_INSTANCE insert indirect nocache httponly
                """.formatted(port));
        for (int i = 0; i < appPorts.size(); i++) {
            config.append("    server app").append(i + 1).append(" 127.0.0.1:").append(appPorts.get(i))
                    .append(" cookie app").append(i + 1).append(" check inter 2s\n");
        }
        Path file = directory.resolve("haproxy.cfg");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("haproxy", "-db", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("haproxy.log").toFile()).start();
        HaProxy proxy = new HaProxy(process, port);
        proxy.awaitListening();
        return proxy;
    }

    int port() {
        return port;
    }

    private void awaitListening() {
        Awaitility.await("HAProxy listening").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    assertThat(process.isAlive()).as("HAProxy running").isTrue();
                    try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    @Override
    public void close() {
        process.destroy();
    }
}
