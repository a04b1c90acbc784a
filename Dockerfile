# syntax=docker/dockerfile:1
# stanch in a container: the static (musl) binary on a distroless base with no
# shell or package manager, run as a non-root user.
#
#   docker build -t stanch .                      # compiles stanch from this checkout
#   docker run --rm -v "$PWD:/src" stanch scan .
#
# The release workflow builds the `prebuilt` target instead, from the musl
# binaries it has just built, checksummed and attested, so the image holds the
# very binaries of the release archives and needs no compile (nor emulation)
# per platform.

FROM rust:1.89-alpine3.22 AS build
# Headers for the C code of libgit2-sys and libz-sys; the base image's tag
# pins the Alpine release, hence the package version.
# hadolint ignore=DL3018
RUN apk add --no-cache musl-dev
WORKDIR /build
COPY . .
# On Alpine, the host target is musl, so this binary is static.
RUN cargo build --release --locked && cp target/release/stanch /stanch

FROM gcr.io/distroless/static-debian12:nonroot AS base
# libgit2 refuses a repository owned by another user, which a mounted
# checkout is when the container runs as its default user: the image holds
# no repository of its own, so every directory is trusted.
ENV HOME=/home/nonroot
COPY --chown=65532:65532 docker/gitconfig /home/nonroot/.gitconfig
WORKDIR /src
USER 65532:65532
ENTRYPOINT ["stanch"]
CMD ["scan", "."]

FROM base AS prebuilt
# The release workflow puts the musl binaries at prebuilt/amd64/stanch and
# prebuilt/arm64/stanch.
ARG TARGETARCH
COPY --chmod=0755 prebuilt/${TARGETARCH}/stanch /usr/local/bin/stanch

FROM base
COPY --from=build /stanch /usr/local/bin/stanch
