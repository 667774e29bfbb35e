export const settings = {
  port: Number(process.env.PORT ?? 8080),
  openaiKey: process.env.OPENAI_API_KEY || "local-dev-key",
  jwtSecret: process.env.JWT_SECRET || "local-dev-key",
  databaseUrl: process.env.DATABASE_URL ?? "postgres://localhost:5432/tools",
  allowedOrigins: ["http://localhost:3000", "http://localhost:5173"],
};
