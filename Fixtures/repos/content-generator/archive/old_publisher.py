import requests


def publish(post: dict) -> None:
<<<<<<< HEAD
    requests.post("https://cms.example.com/api/posts", json=post, timeout=10)
=======
    requests.post("https://cms-v2.example.com/api/posts", json=post, timeout=30)
>>>>>>> cms-v2
