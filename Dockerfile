# The silo as a container image: docker build -t pricing-silo:dev .   (docs/deploy.md)
#
# Stage "build": the .NET SDK plus Node.js (the dashboard in src/Web/ClientApp is built by an
# MSBuild target that runs `npm ci` and Vite, and Vite 8 needs Node 20.19+; the SDK image has no
# Node), then `dotnet publish` of the silo.
# Stage "runtime": the ASP.NET Core runtime, librdkafka from the distribution's packages (the
# Kafka client loads it, see src/Shared/LibrdkafkaLoader.cs), curl for the health check, the
# published silo, running as the image's non-root user.
#
# The .NET 10 images are Ubuntu 24.04: its librdkafka1 (2.3) serves Confluent.Kafka 1.9.3 as
# Debian 12's 2.0.2 does on the development machines.

ARG NODE_VERSION=20
ARG DOTNET_VERSION=10.0

FROM node:${NODE_VERSION}-bookworm-slim AS node

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
# Node and npm from the official Node image: no package repository to add, no download to verify.
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && node --version && npm --version
WORKDIR /src

# Restore first, from the project files only, so that a source change does not download again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Grains.Interfaces/Pricing.Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Grains/Pricing.Grains.csproj src/Grains/
COPY src/Runtime/Pricing.Runtime.csproj src/Runtime/
COPY src/Simulator/Pricing.Simulator.csproj src/Simulator/
COPY src/Web/Pricing.Web.csproj src/Web/
COPY src/Web/ClientApp/ClientApp.targets src/Web/ClientApp/
COPY src/Silo/Pricing.Silo.csproj src/Silo/
RUN dotnet restore src/Silo/Pricing.Silo.csproj

COPY src/ src/
RUN dotnet publish src/Silo/Pricing.Silo.csproj -c Release --no-restore -o /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends librdkafka1 curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish .

# `Urls` (not ASPNETCORE_URLS, which appsettings.json's Urls would override) puts the silo on every
# interface, IPv4 (0.0.0.0) and IPv6, port 8080. The base image's ASPNETCORE_HTTP_PORTS is cleared
# so that Kestrel does not warn that Urls overrides it. The mode stays Embedded unless configured
# (Pricing__Mode=Cluster and the Kafka, PostgreSQL and Redis settings, see docs/deploy.md).
ENV Urls=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=true
EXPOSE 8080

# APP_UID (1654, user "app") is defined by the .NET base images; a numeric user lets Kubernetes
# check runAsNonRoot.
USER $APP_UID

HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/live || exit 1

# Exec form: dotnet is PID 1 and receives SIGTERM itself, which starts the partition hand-over.
ENTRYPOINT ["dotnet", "Pricing.Silo.dll"]
