package org.columnist.site;

import java.util.Map;

/** The page drawn in answer to a "Was this helpful?" vote or its "What was missing?" box. */
record VoteAnswer(Map<String, Object> vote) implements PageKind {
  @Override
  public String path() {
    return "votes/";
  }

  @Override
  public String template() {
    return "site/vote.ftlh";
  }

  @Override
  public Content content(Site site) {
    return new Content((String) vote.get("heading"), "", Map.of("vote", vote));
  }
}
