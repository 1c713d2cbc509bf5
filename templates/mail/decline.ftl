Subject: Your question to ${site.title}
<#-- Sent with 'queue decline ID --reply'. Model as for ack.ftl. -->

<#if reader.name?has_content>Dear ${reader.name},<#else>Hello,</#if>

Thank you for writing to ${site.title}<#if question.subject?has_content> about "${question.subject}"</#if>. ${coach.name} reads every question but cannot answer each one in the column, and yours (reference #${question.id}) will not be published. We hope you find the help you are looking for, and that you will write again.

${coach.name}
${site.title} - ${site.base_url}
