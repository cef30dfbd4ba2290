# One image for every service: `docker build --build-arg SERVICE=case-management .`
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs libs
COPY services services
COPY contracts contracts
COPY infra/dev-oidc infra/dev-oidc
COPY test/package.json test/package.json
COPY tsconfig.base.json tsconfig.json ./
# npm install honours the lock; npm ci rejects locks written without resolved URLs (see infra/scripts/test.sh).
RUN npm install --no-audit --no-fund && npx tsc -b tsconfig.json && npm prune --omit=dev

FROM node:20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE} HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app /app
COPY infra/rabbitmq infra/rabbitmq
USER node
CMD ["sh", "-c", "exec node --enable-source-maps services/${SERVICE}/dist/main.js"]
