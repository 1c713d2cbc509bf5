Subject: ${coach.name} replied to your response on ${site.title}
<#--
  Sent when the coach replies to a response whose writer asked to hear of it
  (responses/Moderation). Model as for ack.ftl, plus name, body (the response) and reply, all plain
  text.
-->

Hello ${name},

${coach.name} replied to your response:

${reply}

Your response was:

${body}

${coach.name}
${site.title} - ${site.base_url}
