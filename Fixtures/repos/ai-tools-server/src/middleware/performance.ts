import { Request, Response, NextFunction } from "express";

// Mock performance middleware: records nothing yet.
export function performanceMonitor() {
  return (_req: Request, _res: Response, next: NextFunction) => {
    next();
  };
}
