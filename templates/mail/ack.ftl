Subject: Your question to ${site.title}: received
<#--
  The acknowledgement each new question gets. The first line is the subject; the text
  follows a blank line. Model: site (title, base_url), coach (name), column (address),
  reader (name, may be empty), question (id, subject).
-->

<#if reader.name?has_content>Dear ${reader.name},<#else>Hello,</#if>

Thank you for writing to ${site.title}. Your question<#if question.subject?has_content>, "${question.subject}",</#if> has arrived safely (reference #${question.id}).

What happens next: ${coach.name} reads every question. Not every one can be answered in the column, and answers can take a few weeks. If yours is chosen, it will be published anonymously: your name, e-mail address and anything that could identify you are removed, and the question may be shortened or edited. We will write to you when it is published.

Changed your mind? Reply to this message with the single word "withdraw" and your question will not be published.

${coach.name}
${site.title} - ${site.base_url}
