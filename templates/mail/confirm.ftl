Subject: Confirm your subscription to ${site.title}
<#--
  Sent when someone asks to get new columns by e-mail (the site's form or a "subscribe" mail).
  Model as for ack.ftl, plus confirm_url (the one link that confirms), expires_in ("7 days")
  and address (the subscriber's).
-->

Hello,

Someone, probably you, asked to get each new column of ${site.title} by e-mail at ${address}.

To confirm, open this link and press the button on the page:

${confirm_url}

The link works for ${expires_in}. If you did not ask, ignore this message: without a confirmation
nothing will be sent to you.

${coach.name}
${site.title} - ${site.base_url}
