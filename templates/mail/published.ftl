Subject: Your question is answered in ${site.title}
<#-- Sent when a reader's question is published. Model as for ack.ftl, plus published (title, url). -->

<#if reader.name?has_content>Dear ${reader.name},<#else>Hello,</#if>

Your question (reference #${question.id}) is answered in today's column, "${published.title}":

${published.url}

As promised, your name and anything that could identify you were left out. Thank you for writing.

${coach.name}
${site.title} - ${site.base_url}
