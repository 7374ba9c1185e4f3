package org.tandem.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local running inside this JVM and listening on a port, so the AWS CLI, the local
 * invoke and the SDK all reach the same data.
 */
public final class EmbeddedDynamo implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final int port;

  private EmbeddedDynamo(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts DynamoDB Local.
   *
   * @param port the port, or 0 for any free one
   * @param dataDir where the data is kept across restarts; null keeps it in memory
   */
  public static EmbeddedDynamo start(int port, Path dataDir) {
    useNativeLibraries();
    int chosen = port == 0 ? freePort() : port;
    List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosen), "-sharedDb", "-disableTelemetry"));
    if (dataDir == null) {
      args.add("-inMemory");
    } else {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new IllegalStateException("cannot create " + dataDir, e);
      }
      args.add("-dbPath");
      args.add(dataDir.toAbsolutePath().toString());
    }
    try {
      DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
      server.start();
      return new EmbeddedDynamo(server, chosen);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + chosen + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  public URI endpoint() {
    return URI.create("http://localhost:" + port);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  /**
   * DynamoDB Local stores data with SQLite through native libraries, which the build copies
   * into {@code lib/} beside the jar (and {@code infra/target/lib} for the tests).
   */
  static void useNativeLibraries() {
    if (System.getProperty("sqlite4java.library.path") != null) {
      return;
    }
    List<Path> candidates = new ArrayList<>();
    try {
      Path codeSource = Path.of(EmbeddedDynamo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      candidates.add(codeSource.resolveSibling("lib"));
      candidates.add(codeSource.getParent().resolve("lib"));
    } catch (Exception e) {
      // fall through to the build's folder
    }
    candidates.add(Path.of("infra", "target", "lib"));
    candidates.add(Path.of("target", "lib"));
    for (Path candidate : candidates) {
      try (var files = Files.list(candidate)) {
        if (files.anyMatch(f -> f.getFileName().toString().startsWith("libsqlite4java"))) {
          System.setProperty("sqlite4java.library.path", candidate.toAbsolutePath().toString());
          return;
        }
      } catch (IOException e) {
        // not this one
      }
    }
    throw new IllegalStateException("DynamoDB Local's native libraries were not found; build with ./mvnw package");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
