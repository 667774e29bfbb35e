def fetch(client):
# ruleid: merge-conflict-block
<<<<<<< HEAD
    return client.get("/v2/items")
=======
    return client.get("/v1/items")
>>>>>>> feature/old-api


def total(items):
    return sum(item.price for item in items)
# ruleid: merge-conflict-stray-marker
>>>>>>> main
