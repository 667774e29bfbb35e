import { Pool } from "pg";
import { settings } from "../config/settings";

const pool = new Pool({ connectionString: settings.databaseUrl });

export async function listTemplates() {
  const result = await pool.query("SELECT id, name, body FROM prompt_templates ORDER BY name");
  return result.rows;
}

export async function saveTemplate(name: string, body: string) {
  await pool.query("INSERT INTO prompt_templates (name, body) VALUES ($1, $2)", [name, body]);
}
