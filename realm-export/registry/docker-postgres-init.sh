#!/bin/sh
# Run by the postgres image on first start (docker-compose.yml): a database for the demo
# customer registry next to Keycloak's own, seeded with the demo customers.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "CREATE DATABASE kundregister"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname kundregister -f /kundkonto/kundregister-demo.sql
