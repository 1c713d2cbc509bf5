Subject: Confirm your response on ${site.title}
<#--
  Sent when someone writes a response under a column (responses/Responses). Model as for ack.ftl,
  plus confirm_url (the one link that confirms), expires_in ("7 days"), name and body (as typed:
  this is plain text, so nothing in it can run).
-->

Hello ${name},

Someone, probably you, wrote this response on ${site.title}:

${body}

To send it to the coach, open this link and press the button on the page:

${confirm_url}

The link works for ${expires_in}. If you did not write it, ignore this message: without a
confirmation the response is deleted.

${coach.name}
${site.title} - ${site.base_url}
