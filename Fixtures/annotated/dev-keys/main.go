package main

import (
	"cmp"
	"os"
)

func getEnv(key, fallback string) string {
	if value, ok := os.LookupEnv(key); ok {
		return value
	}
	return fallback
}

func config() map[string]string {
	return map[string]string{
		// ruleid: dev-keys-env-fallback-go
		"jwt":    getEnv("JWT_SECRET", "dev-secret"),
		// ruleid: dev-keys-env-fallback-go
		"signing": cmp.Or(os.Getenv("SIGNING_KEY"), "changeme"),
		// ok: dev-keys-env-fallback-go
		"addr":   getEnv("LISTEN_ADDR", ":8080"),
		// ok: dev-keys-env-fallback-go
		"secret": getEnv("APP_SECRET", ""),
	}
}
