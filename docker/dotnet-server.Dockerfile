# The one image recipe of every .NET server (build.kind "dotnet"). The harness publishes the
# server self-contained on the host (dotnet publish -r linux-x64 --self-contained) and sends the
# output as app/ in the build context, with this file as the Dockerfile:
#
#   docker build --build-arg APP=VmBench.Servers.Sockets -f docker/dotnet-server.Dockerfile CONTEXT
#
# APP is the assembly name (the project's file name); /app/server points at it, so the
# entrypoint is the same for every server. The harness appends --addr ... --mode ... .
ARG BASE_IMAGE=vmbench-base:bookworm
FROM ${BASE_IMAGE}

ARG APP
COPY app/ /app/
RUN test -n "${APP}" && test -x "/app/${APP}" && ln -s "/app/${APP}" /app/server

USER 10001:10001
WORKDIR /app
ENTRYPOINT ["/app/server"]
