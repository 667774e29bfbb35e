import { Request, Response, NextFunction } from "express";
import jwt from "jsonwebtoken";
import { settings } from "../config/settings";

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization ?? "";
  const token = header.replace(/^Bearer /, "");
  try {
    (req as any).user = jwt.verify(token, settings.jwtSecret);
    next();
  } catch {
    res.status(401).json({ error: "unauthorized" });
  }
}
