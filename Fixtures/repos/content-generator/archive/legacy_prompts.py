BLOG_PROMPT = """
Write a blog post about {topic}.
<<<<<<< HEAD
Keep it under 800 words.
=======
Keep it under 1200 words and add a call to action.
>>>>>>> marketing-tweaks
"""
