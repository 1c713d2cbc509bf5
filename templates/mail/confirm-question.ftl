Subject: Confirm your question to ${site.title}
<#--
  Sent when someone asks a question on the site's form, to the address typed there: the question
  enters the queue only once the link is opened and its button pressed. Model as for ack.ftl, plus
  confirm_url (the one link that confirms) and expires_in ("7 days"). It repeats nothing the
  writer typed: the address is not confirmed yet, and a mail that carried a stranger's text would
  make the form a way to send anyone anything.
-->

Hello,

Someone, probably you, asked ${site.title} a question on the site and gave this address for the
answer.

To send it to ${coach.name}, open this link and press the button on the page:

${confirm_url}

The link works for ${expires_in}. If you did not ask, ignore this message: without a
confirmation the question is deleted and nothing more is sent to you.

${coach.name}
${site.title} - ${site.base_url}
