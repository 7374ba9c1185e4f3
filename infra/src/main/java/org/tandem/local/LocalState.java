package org.tandem.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a local run keeps in {@code .tandem/}: DynamoDB Local's files and {@code local.json},
 * the operator key and the demo tenants' keys and ids. Only a development machine holds this.
 */
public final class LocalState {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9_.-]+)}");

  private final Path dir;
  private final ObjectMapper mapper;
  private ObjectNode state;

  public LocalState(Path dir, ObjectMapper mapper) {
    this.dir = dir;
    this.mapper = mapper;
    this.state = read();
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  private Path file() {
    return dir.resolve("local.json");
  }

  private ObjectNode read() {
    try {
      if (Files.exists(file())) {
        return (ObjectNode) mapper.readTree(file().toFile());
      }
    } catch (IOException | ClassCastException e) {
      // a damaged file is replaced
    }
    return mapper.createObjectNode();
  }

  public ObjectNode state() {
    return state;
  }

  /** Starts afresh: a throwaway run keeps no keys of an earlier one. */
  public void reset() {
    state = mapper.createObjectNode();
  }

  public ObjectNode tenant(String tenantId) {
    ObjectNode tenants = state.has("tenants") ? (ObjectNode) state.get("tenants") : state.putObject("tenants");
    return tenants.has(tenantId) ? (ObjectNode) tenants.get(tenantId) : tenants.putObject(tenantId);
  }

  public void save() {
    try {
      Files.createDirectories(dir);
      mapper.writerWithDefaultPrettyPrinter().writeValue(file().toFile(), state);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file(), e);
    }
  }

  /**
   * Replaces placeholders such as {@code ${operatorKey}}, {@code ${tenants.criec.adminKey}} or
   * {@code ${tenants.criec.mentees.0}} with values from the state.
   */
  public String substitute(String text) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      var node = state.at("/" + matcher.group(1).replace('.', '/'));
      if (node.isMissingNode() || node.isNull()) {
        throw new IllegalArgumentException("nothing in " + file() + " for ${" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(node.asText()));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
