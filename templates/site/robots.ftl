User-agent: *
Allow: /
Sitemap: ${site.base_url}sitemap.xml
