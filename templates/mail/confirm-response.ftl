Subject: Confirm your response on ${site.title}
<#--
  Sent when someone writes a response under a column (responses/Responses), to the address typed
  there. Model as for ack.ftl, plus confirm_url (the one link that confirms) and expires_in ("7
  days"). It repeats nothing the writer typed: the address is not confirmed yet, and a mail that
  carried a stranger's text would make the form a way to send anyone anything.
-->

Hello,

Someone, probably you, wrote a response to a column on ${site.title} and gave this address.

To send it to the coach, open this link and press the button on the page:

${confirm_url}

The link works for ${expires_in}. If you did not write it, ignore this message: without a
confirmation the response is deleted.

${coach.name}
${site.title} - ${site.base_url}
