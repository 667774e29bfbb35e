import OpenAI from "openai";

const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY || "local-dev-key" });

export async function complete(prompt: string): Promise<string> {
  const response = await client.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: prompt }],
  });
  return response.choices[0]?.message?.content ?? "";
}

export async function embed(text: string): Promise<number[]> {
  const response = await client.embeddings.create({ model: "text-embedding-3-small", input: text });
  return response.data[0].embedding;
}
