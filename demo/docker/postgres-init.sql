-- n8n keeps its tables in a schema of their own beside Strapi's (public).
create schema if not exists n8n;
