# The image of every Spring Boot module: the four services and the authorization server. docker-compose.yml builds
# one image per module from this file with the repository as context; the module comes in as build arguments:
#
#   ./mvnw -DskipTests package     # builds <module>/target/<module>-0.1.0-SNAPSHOT-exec.jar
#   docker build --build-arg MODULE=contract-service --build-arg PORT=8091 -t bdss/contract-service:0.1.0-SNAPSHOT .
#
# .dockerignore sends only the executable jars to the builder.
FROM eclipse-temurin:17-jre

# curl for the container health check; the same layer for every module (no build argument is declared yet)
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home --uid 10001 bdss

# MODULE: the Maven module (contract-service, ..., authorization-server); PORT: its HTTP port (SERVER_PORT)
ARG MODULE
ARG PORT
ARG VERSION=0.1.0-SNAPSHOT
RUN test -n "$MODULE" && test -n "$PORT" \
 || { echo "build with --build-arg MODULE=<module> --build-arg PORT=<port>" >&2; exit 1; }

WORKDIR /app
COPY ${MODULE}/target/${MODULE}-${VERSION}-exec.jar /app/application.jar

USER 10001
ENV SERVER_PORT=${PORT}
EXPOSE ${PORT}
ENTRYPOINT ["java", "-jar", "/app/application.jar"]
