package org.columnist.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * THE column-specific rules on top of Readability4J's article extraction, all in this one place.
 * Readability finds the article among a site's furniture; it does not know an advice column. Here
 * we keep the client's profile block it drops when a site sets it in an aside or a table, and drop
 * what it keeps although no column holds it: a comment section, a sign-up box, a "Related" list, a
 * disclaimer, the headline (a hint, not text). Anything else about furniture belongs to
 * Readability, not here.
 */
final class ColumnRules {
  private static final Pattern PROFILE_START = Pattern.compile("(?i)^\\s*(the )?client\\b");
  private static final Pattern PROFILE_FIELD =
      Pattern.compile("(?i)\\b(name|age|title|industry|issue)\\s*:?");
  private static final Pattern FURNITURE_NAME =
      Pattern.compile(
          "(?i)^(comments?|comment[-_].*|respond|replies|disqus.*|related.*|.*sign-?up.*"
              + "|newsletter.*|subscribe.*|disclaimer.*|share.*|social.*)$");
  private static final Pattern FURNITURE_HEADING =
      Pattern.compile(
          "(?i)^(\\d+\\s+)?(comments?|responses?|replies|leave a (reply|comment)|join the"
              + " discussion|related( articles| columns| posts)?|more from .*|you may also like"
              + "|read more|most read|sign up.*|subscribe.*)\\s*:?$");
  private static final Pattern DISCLAIMER =
      Pattern.compile(
          "(?i)^(disclaimer\\b|this column is (for )?(general )?information"
              + "|.*does not constitute (legal|professional|financial) advice"
              + "|.*views expressed (here |in this column )?are)");
  // A byline is a hint (the author), not the column's text.
  private static final Pattern BYLINE = Pattern.compile("^(Posted )?[Bb]y [A-Z][^.!?]{0,80}$");
  private static final Pattern SIGN_UP = Pattern.compile("(?i)^(sign up|subscribe|get our)\\b");

  private ColumnRules() {}

  /**
   * The profile block in {@code page}, copied before Readability takes the page apart, or null: the
   * smallest element that starts "The Client" and names at least two profile fields.
   */
  static Element profileIn(Document page) {
    Element found = null;
    for (Element e :
        page.body() == null
            ? List.<Element>of()
            : page.body().select("aside, table, div, section, dl, p")) {
      String text = e.text();
      if (PROFILE_START.matcher(text).find() && fields(text) >= 2 && text.length() < 600) {
        found = e; // select() walks down the tree: the last match is the innermost
      }
    }
    return found == null ? null : profileAsLines(found);
  }

  /** Applies the rules to Readability's {@code article}, in place. */
  static void apply(Element article, Element profile, String title) {
    for (Element e : new ArrayList<>(article.getAllElements())) {
      if (e != article && e.parent() != null && isFurniture(e)) {
        e.remove();
      }
    }
    for (Element heading : article.select("h1, h2, h3, h4, h5, h6")) {
      if (title != null && Typography.normalised(heading.text().strip()).equalsIgnoreCase(title)) {
        heading.remove();
      } else if (FURNITURE_HEADING.matcher(heading.text().strip()).matches()) {
        removeSection(heading);
      }
    }
    if (profile != null) {
      Element kept = keptProfile(article);
      if (kept != null) {
        kept.replaceWith(profile);
      } else {
        article.prependChild(profile);
      }
    }
  }

  private static boolean isFurniture(Element e) {
    if (e.tagName().equals("form") || FURNITURE_NAME.matcher(e.id()).matches()) {
      return true;
    }
    for (String name : e.classNames()) {
      if (FURNITURE_NAME.matcher(name).matches()) {
        return true;
      }
    }
    // Text rules only for a paragraph of its own, never for a block that holds the column.
    if (e.tagName().equals("p") || e.select("p, div, ul, ol, table, h2, h3").size() == 1) {
      String text = e.text().strip();
      return DISCLAIMER.matcher(text).find()
          || (text.length() < 200 && (SIGN_UP.matcher(text).find() || BYLINE.matcher(text).find()));
    }
    return false;
  }

  /** Removes {@code heading} and what follows it up to the next heading of its rank or higher. */
  private static void removeSection(Element heading) {
    int rank = heading.tagName().charAt(1) - '0';
    Element next = heading.nextElementSibling();
    heading.remove();
    while (next != null
        && !(next.tagName().matches("h[1-6]") && next.tagName().charAt(1) - '0' <= rank)) {
      Element after = next.nextElementSibling();
      next.remove();
      next = after;
    }
  }

  private static Element keptProfile(Element article) {
    Element kept = null;
    for (Element e : article.select("aside, table, div, section, dl, p")) {
      if (e != article
          && PROFILE_START.matcher(e.text()).find()
          && fields(e.text()) >= 2
          && e.text().length() < 600) {
        kept = e;
      }
    }
    return kept;
  }

  /**
   * The profile as one paragraph per line ("The Client", "Name: Mary", ...), whatever the site set
   * it in: a table's row becomes "cell: cell", a list's item, a definition's term and description a
   * line.
   */
  private static Element profileAsLines(Element block) {
    List<String> lines = new ArrayList<>();
    if (block.selectFirst("tr, li, dt, p") == null) {
      lines.addAll(brLines(block));
    } else {
      for (Element heading : block.select("caption, h1, h2, h3, h4, h5, h6, th[colspan]")) {
        lines.add(heading.text());
      }
      for (Element row : block.select("tr:not(:has(th[colspan])), li, dt, p")) {
        if (row.tagName().equals("dt") && row.nextElementSibling() != null) {
          lines.add(label(row.text()) + " " + row.nextElementSibling().text());
        } else {
          lines.addAll(row.tagName().equals("tr") ? List.of(line(row)) : brLines(row));
        }
      }
    }
    Element out = new Element("div");
    for (String line : lines) {
      if (!line.isBlank()) {
        out.appendElement("p").text(line.strip());
      }
    }
    return out;
  }

  /** The lines of {@code e}'s text, a {@code <br>} or a block ending each. */
  private static List<String> brLines(Element e) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (Node node : e.childNodes()) {
      if (node instanceof Element child && (child.tagName().equals("br") || child.isBlock())) {
        line.append(child.text());
        lines.add(line.toString());
        line.setLength(0);
      } else {
        line.append(
            node instanceof TextNode text
                ? text.text()
                : node instanceof Element child ? child.text() : "");
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static String line(Element row) {
    var cells = row.select("> td, > th");
    if (cells.size() == 2) {
      return label(cells.get(0).text()) + " " + cells.get(1).text();
    }
    return row.text();
  }

  private static String label(String text) {
    String label = text.strip();
    return label.endsWith(":") ? label : label + ":";
  }

  private static int fields(String text) {
    return (int) PROFILE_FIELD.matcher(text).results().count();
  }
}
