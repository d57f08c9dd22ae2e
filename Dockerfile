# The production image: Keycloak with the kundkonto pack, built once with the build-time options baked in,
# started with "start --optimized" (no build step at start-up). Build the pack first:
#   ./mvnw -B -ntp -DskipTests package && docker build -t kundkonto-keycloak:0.1.0-SNAPSHOT .
# Runtime options (databases, hostname, secrets) come from the environment: see README "Deploying".

FROM quay.io/keycloak/keycloak:26.7.3 AS builder
# Build-time options. The registry datasource's kind is one of them: an image built for a PostgreSQL
# registry cannot read an H2 or Oracle one (build another image for that).
ENV KC_DB=postgres \
    KC_DB_KIND_KUNDREGISTER=postgres \
    KC_HEALTH_ENABLED=true \
    KC_METRICS_ENABLED=true
COPY pack/target/kundkonto-0.1.0-SNAPSHOT.jar /opt/keycloak/providers/kundkonto.jar
# Raw Quarkus build properties: the registry's outage must not fail Keycloak's readiness (see the file).
COPY server-conf/quarkus.properties /opt/keycloak/conf/quarkus.properties
RUN /opt/keycloak/bin/kc.sh build

FROM quay.io/keycloak/keycloak:26.7.3
COPY --from=builder /opt/keycloak/ /opt/keycloak/
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
CMD ["start", "--optimized"]
