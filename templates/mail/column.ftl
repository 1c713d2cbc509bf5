Subject: ${published.title} - ${site.title}
<#--
  The newsletter: each column, when first published, to every confirmed subscriber. The first
  line is the subject; the text follows. Model: site (title, base_url, language), coach (name,
  bio), column (address), published (title, url, date, tags, client: name, age, title,
  years_at_company, years_in_role, industry, issue, each present only when the column says it;
  question, answer, inner_game, outer_game, last_word: heading, text (Markdown), html; sections:
  the non-empty ones in order), unsubscribe_url (this subscriber's own link).
-->

${published.title}
${published.url}

<#if published.client.issue??>The issue: ${published.client.issue}

</#if>
<#list published.sections as section>
${section.heading}

${section.text}

</#list>
${coach.name}
${site.title} - ${site.base_url}

You receive this because you subscribed to ${site.title}. To stop, open
${unsubscribe_url}
