import Hummingbird

func buildRouter() -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.get("health") { _, _ in HTTPResponse.Status.ok }
    // ruleid: auth-hummingbird-unprotected-route
    router.post("todos") { request, context in
        try await repository.create(request.decode(as: Todo.self, context: context))
    }
    let api = router.group("api").add(middleware: JWTAuthenticator(keys))
    api.get("me") { _, context in try context.requireIdentity() }
    return router
}
