DEBUG = False
<<<<<<< HEAD
CACHE_TTL = 300
=======
CACHE_TTL = 600
>>>>>>> perf
