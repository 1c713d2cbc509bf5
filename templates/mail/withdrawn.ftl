Subject: Your question to ${site.title} is withdrawn
<#-- Confirms a "withdraw" request. Model as for ack.ftl. -->

<#if reader.name?has_content>Dear ${reader.name},<#else>Hello,</#if>

As you asked, your question<#if question.subject?has_content> "${question.subject}"</#if> (reference #${question.id}) has been withdrawn. It will not be published.

${coach.name}
${site.title} - ${site.base_url}
