package org.columnist.mail;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.CommunicationException;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;

/**
 * TXT records looked up with the JDK's own DNS provider (JNDI, {@code com.sun.jndi.dns}): no
 * dependency, and a short timeout so that {@code doctor} never hangs offline.
 */
final class DnsTxt {
  /** What a lookup of one name found. */
  sealed interface Answer {
    /** The TXT records found: none unless the name has some. */
    List<String> texts();
  }

  /** The name's TXT records (none when it has other records only). */
  record Records(List<String> texts) implements Answer {}

  /** The name does not exist (NXDOMAIN). */
  record NoSuchName() implements Answer {
    @Override
    public List<String> texts() {
      return List.of();
    }
  }

  /** No DNS server answered: nothing is known. */
  record Unreachable(String why) implements Answer {
    @Override
    public List<String> texts() {
      return List.of();
    }
  }

  /** The seam tests use: a function from a name to what DNS says of its TXT records. */
  @FunctionalInterface
  interface Lookup {
    Answer txt(String name);
  }

  private DnsTxt() {}

  /**
   * Looks up through {@code url}: {@code "dns:"} for the system's resolvers, or {@code
   * dns://host:port} for one server.
   */
  static Lookup through(String url) {
    return name -> lookup(url, name);
  }

  private static Answer lookup(String url, String name) {
    Hashtable<String, String> env = new Hashtable<>();
    env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
    env.put("java.naming.provider.url", url);
    env.put("com.sun.jndi.dns.timeout.initial", "1500");
    env.put("com.sun.jndi.dns.timeout.retries", "1");
    try {
      InitialDirContext context = new InitialDirContext(env);
      try {
        Attribute txt = context.getAttributes(name, new String[] {"TXT"}).get("TXT");
        List<String> texts = new ArrayList<>();
        if (txt != null) {
          NamingEnumeration<?> values = txt.getAll();
          while (values.hasMore()) {
            texts.add(unquote(String.valueOf(values.next())));
          }
        }
        return new Records(texts);
      } finally {
        context.close();
      }
    } catch (NameNotFoundException e) {
      return new NoSuchName();
    } catch (CommunicationException | ServiceUnavailableException e) {
      return new Unreachable("no DNS server answered (" + url + ")");
    } catch (NamingException e) {
      return new Unreachable("DNS lookup of " + name + " failed: " + e.getMessage());
    }
  }

  // A TXT record longer than 255 characters comes as several quoted strings; RFC 7208 §3.3 joins
  // them without spaces.
  private static String unquote(String text) {
    String joined = text.strip().replace("\" \"", "");
    return joined.startsWith("\"") && joined.endsWith("\"") && joined.length() >= 2
        ? joined.substring(1, joined.length() - 1)
        : joined;
  }
}
