package org.columnist.web;

import io.javalin.http.Context;

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
}
