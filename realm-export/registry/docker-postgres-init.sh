#!/bin/sh
# Run by the postgres image on first start (docker-compose.yml): a database for the demo customer
# registry next to Keycloak's own, seeded with the demo customers, and the role Keycloak reads it as:
# SELECT on the registry and nothing else (password from KUNDREGISTER_READER_PASSWORD).
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "CREATE DATABASE kundregister"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname kundregister -f /kundkonto/kundregister-demo.sql
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname kundregister \
  -v reader_password="$KUNDREGISTER_READER_PASSWORD" <<'SQL'
CREATE ROLE kundregister_reader LOGIN PASSWORD :'reader_password';
GRANT CONNECT ON DATABASE kundregister TO kundregister_reader;
GRANT USAGE ON SCHEMA public TO kundregister_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO kundregister_reader;
SQL
