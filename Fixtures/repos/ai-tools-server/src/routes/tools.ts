import { Router } from "express";
import { complete, embed } from "../services/llm";

export const tools = Router();

tools.post("/summarise", async (req, res) => {
  const summary = await complete(`Summarise:\n${req.body.text}`);
  res.json({ summary });
});

tools.post("/embed", async (req, res) => {
  res.json({ vector: await embed(req.body.text) });
});

tools.post("/classify", async (req, res) => {
  const label = await complete(`Classify into one of ${req.body.labels.join(", ")}:\n${req.body.text}`);
  res.json({ label });
});
