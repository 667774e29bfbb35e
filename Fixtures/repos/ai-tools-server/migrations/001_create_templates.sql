CREATE TABLE prompt_templates (
  id SERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL
);
