import Vapor

func routes(_ app: Application) throws {
    app.get("health") { _ in "ok" }

    // ruleid: auth-vapor-unprotected-route
    app.get("users", ":id") { req async throws -> User in
        try await User.find(req.parameters.get("id"), on: req.db) ?? { throw Abort(.notFound) }()
    }

    let protected = app.grouped(UserToken.authenticator(), User.guardMiddleware())
    protected.get("me") { req in try req.auth.require(User.self) }

    app.grouped(User.authenticator(), User.guardMiddleware()).group("admin") { admin in
        admin.delete("users", ":id") { req in HTTPStatus.noContent }
    }
}
