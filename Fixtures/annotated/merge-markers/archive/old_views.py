# An archived copy that nobody resolved.
# ruleid: merge-conflict-block
<<<<<<< ours
VIEWS = ["home", "about"]
||||||| base
VIEWS = ["home"]
=======
VIEWS = ["home", "contact"]
>>>>>>> theirs
