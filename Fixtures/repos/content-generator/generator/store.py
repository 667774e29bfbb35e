import itertools

_ids = itertools.count(1)
_items: dict[str, dict[int, dict]] = {}


def add(kind: str, record: dict) -> dict:
    record = {"id": next(_ids), **record}
    _items.setdefault(kind, {})[record["id"]] = record
    return record


def get(kind: str, item_id: int) -> dict | None:
    return _items.get(kind, {}).get(item_id)


def all_of(kind: str) -> list[dict]:
    return list(_items.get(kind, {}).values())


def remove(kind: str, item_id: int) -> None:
    _items.get(kind, {}).pop(item_id, None)
