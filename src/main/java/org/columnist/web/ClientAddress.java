package org.columnist.web;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Who sent a request, for throttles and logs: behind a reverse proxy on this machine, the address
 * it forwards (X-Forwarded-For), so that limits count people, not the proxy. A remote peer cannot
 * set it: its header is ignored.
 */
final class ClientAddress {
  private ClientAddress() {}

  static String of(Context ctx) {
    String forwarded = ctx.header("X-Forwarded-For");
    boolean fromLoopback =
        ctx.ip().startsWith("127.") || ctx.ip().equals("0:0:0:0:0:0:0:1") || ctx.ip().equals("::1");
    if (fromLoopback && forwarded != null && !forwarded.isBlank()) {
      String[] hops = forwarded.split(",");
      return Input.shorten(hops[hops.length - 1].strip());
    }
    return ctx.ip();
  }

  // Only hex digits, colons and dots, starting with a hex digit or a colon: InetAddress parses
  // such text as an address and never looks it up as a name.
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:][0-9A-Fa-f:.]*\\]?");

  /**
   * The client as limits count it: an IPv6 address by its /64 (one home or one server gets a whole
   * /64, and picks any address in it at will), anything else as it is.
   */
  static String block(Context ctx) {
    String client = of(ctx);
    if (!client.contains(":") || !IPV6.matcher(client).matches()) {
      return client;
    }
    try {
      InetAddress address = InetAddress.getByName(client.replace("[", "").replace("]", ""));
      if (!(address instanceof Inet6Address)) {
        return address.getHostAddress(); // an IPv4 address written as IPv6 (::ffff:a.b.c.d)
      }
      byte[] bytes = address.getAddress();
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
      }
      return prefix + ":/64";
    } catch (UnknownHostException e) {
      return client;
    }
  }
}
