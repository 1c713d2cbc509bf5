package org.eclipse.jetty.util.ajax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-only stand-in for Jetty 9's static JSON parser, which the Nu HTML Checker's language
 * detector calls. Jetty 9 cannot share the classpath with Javalin's Jetty 11 (whose JSON class has
 * another API), so this gives the detector what Jetty 9 gave it: objects as HashMap, arrays as
 * Object[], whole numbers as Long.
 */
public final class JSON {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JSON() {}

  public static Object parse(String json) {
    try {
      return convert(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Object parse(InputStream in) {
    try {
      return convert(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object convert(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), convert(e.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      Object[] items = new Object[node.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = convert(node.get(i));
      }
      return items;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}
