import { Router } from "express";

export const admin = Router();

const ADMIN_TOKEN = process.env.ADMIN_TOKEN || "local-dev-key";

admin.get("/usage", (req, res) => {
  if (req.headers["x-admin-token"] !== ADMIN_TOKEN) return res.status(403).end();
  res.json({ requests: 0 });
});

admin.post("/cache/flush", (_req, res) => {
  res.json({ flushed: true });
});
