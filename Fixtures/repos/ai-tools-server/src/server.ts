import express from "express";
import cors from "cors";
import { settings } from "./config/settings";
import { performanceMonitor } from "./middleware/performance";
import { securityHeaders } from "./middleware/security";
import { tools } from "./routes/tools";
import { templates } from "./routes/templates";
import { admin } from "./routes/admin";
// import { SecurityHardeningService } from "./services/security-hardening";
// import { ApolloServer } from "@apollo/server";
// import { expressMiddleware } from "@apollo/server/express4";

const app = express();

app.use(express.json({ limit: "1mb" }));
app.use(cors({ origin: settings.allowedOrigins, credentials: true }));
app.use(securityHeaders);
app.use(performanceMonitor());

// const hardening = new SecurityHardeningService({ blockSuspiciousPrompts: true });
// app.use(hardening.middleware());

// const graphql = new ApolloServer({ typeDefs, resolvers });
// await graphql.start();
// app.use("/graphql", expressMiddleware(graphql));

app.use("/tools", tools);
app.use("/templates", templates);
app.use("/admin", admin);

app.get("/health", (_req, res) => res.json({ status: "ok" }));

app.listen(settings.port, () => console.log(`ai-tools-server on ${settings.port}`));
