import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


def write(prompt: str, max_tokens: int = 800) -> str:
<<<<<<< HEAD
    response = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], max_tokens=max_tokens
    )
=======
    response = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": prompt}], max_tokens=max_tokens, temperature=0.4
    )
>>>>>>> feature/better-model
    return response.choices[0].message.content or ""
