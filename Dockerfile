# Convenantbot: the bot alone, as `npm start` runs it (node --import tsx bot/main.ts).
# No secrets in the image: every setting comes from the environment at run time (.env.example,
# docs/deployment.md). Build: docker build -t convenantbot .
# Run:   docker run --env-file .env -p 3978:3978 convenantbot   (.env as in .env.example; keep it out of git)
# Without MICROSOFT_APP_ID the bot runs in local mode and listens on 127.0.0.1 inside the container only.
# Without a Docker daemon, `node --import tsx scripts/check-docker-context.ts` reproduces these steps
# in a temporary directory and checks that /healthz answers.
FROM node:20-slim

ENV NODE_ENV=production \
    PORT=3978
WORKDIR /app

# Production dependencies only; tsx is one of them (it runs the TypeScript). No install scripts:
# none is needed at run time (esbuild finds its platform package without its postinstall).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# What `npm start` imports (test/deploy/deployment-files.test.ts walks the imports from bot/main.ts).
COPY tsconfig.json ./
COPY bot ./bot
COPY src ./src
COPY cards ./cards

# The image's unprivileged user; the files stay root's, so the bot cannot change its own code.
USER node
EXPOSE 3978

# node:20-slim has no curl: ask /healthz with Node itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node itself as PID 1, not npm: SIGTERM reaches the bot, which lets running turns finish.
CMD ["node", "--import", "tsx", "bot/main.ts"]
