// An Express server with the fallbacks and literals that reach production unnoticed.
import express from "express";
import session from "express-session";
import Stripe from "stripe";

// ruleid: rate-limit-missing-in-repository, ops-no-readme, ops-no-container-build, ops-no-ci, ops-no-tests, ops-no-env-example
const app = express();

// ruleid: dev-keys-env-fallback-javascript
const apiKey = process.env.API_KEY || "local-dev-key";
// ruleid: dev-keys-env-fallback-javascript
const jwtSecret: string = process.env["JWT_SECRET"] ?? 'dev-secret';
// ok: dev-keys-env-fallback-javascript
const port = Number(process.env.PORT || "3000");
// ok: dev-keys-env-fallback-javascript
const headerName = process.env.API_KEY_HEADER || "x-api-key";

// ruleid: dev-keys-known-dev-key
app.use(session({ secret: "keyboard cat", resave: false, saveUninitialized: false }));

// ruleid: dev-keys-stripe-test-key
const stripe = new Stripe("sk_test_~join~51HqLx2eZvKYlo2C8dAb3Xy9Q");

const defaults = {
  // ruleid: dev-keys-weak-secret
  adminPassword: "changeme123",
  // ok: dev-keys-weak-secret
  passwordLabel: "Password",
  // ok: dev-keys-weak-secret
  password: "password",
};

app.get("/health", (_req, res) => res.json({ ok: true, port, headerName, defaults, stripe: !!stripe, apiKey: !!apiKey, jwt: !!jwtSecret }));
