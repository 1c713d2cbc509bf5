<#-- Old addresses for static hosts (Netlify, Cloudflare Pages): one "from to 301" a line. -->
<#list lines as line>
${line}
</#list>
