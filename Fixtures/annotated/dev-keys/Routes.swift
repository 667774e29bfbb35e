import Vapor

func configure(_ app: Application) throws {
    // ruleid: dev-keys-env-fallback-swift
    let signer = Environment.get("JWT_SECRET") ?? "dev-secret"
    // ok: dev-keys-env-fallback-swift
    let port = Environment.get("PORT") ?? "8080"
    // ruleid: dev-keys-slack-webhook
    let alerts = "https://hooks.slack.com/services/T0~join~4F3KX9QZ/B07H2MRW1TY/k3Jd8Qw2Lm5Nz7Xc1Vb4Hg6P"
    app.logger.info("\(signer) \(port) \(alerts)")
}
