import { Router } from "express";
import { requireAuth } from "../middleware/auth";
import { listTemplates, saveTemplate } from "../services/templates";

export const templates = Router();

templates.get("/", async (_req, res) => {
  res.json(await listTemplates());
});

templates.post("/", requireAuth, async (req, res) => {
  await saveTemplate(req.body.name, req.body.body);
  res.status(201).end();
});

templates.delete("/:id", requireAuth, async (req, res) => {
  res.status(204).end();
});
