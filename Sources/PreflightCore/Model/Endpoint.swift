/// One HTTP route found in the code, and what guards it.
public struct Endpoint: Sendable, Hashable {
    public let framework: String
    public let method: String
    public internal(set) var route: String
    public let path: String
    public let line: Int
    /// Whether an authentication guard was found; nil when no authentication rule looked at the route.
    public var authenticated: Bool?
    /// Whether a rate limiter was found; nil when no rate-limit rule looked at the route.
    public var rateLimited: Bool?
    /// The guard that protects it, as written (a dependency, a decorator, a middleware).
    public var authenticationGuard: String?
    public var rateLimitGuard: String?
    /// Where each guard is, as `path:line`: in the route's file, or for a guard of the whole project the first place
    /// in the tree (by path and line) where it was found; nil for none.
    public var authenticationGuardLocation: String?
    public var rateLimitGuardLocation: String?
    /// A route that is public by design (health, login, docs...), as the rule's allow list says.
    public var isPublic: Bool
    /// The rule whose verdict waits for the repository conditions (a project-wide guard), if any, and the texts
    /// of the captures its keyed conditions look up.
    var pendingRule: String?
    var pendingKeys: [String: String] = [:]
    /// The router the route is declared on (its last name: `router`, `api_chat`), for rules that say where
    /// routers are mounted; nil otherwise.
    var router: String?
    /// The rules that recorded the route, and whether a prefix (its router's own, or a mount's) was put before it.
    var rules: Set<String> = []
    var isPrefixed = false

    public init(framework: String, method: String, route: String, path: String, line: Int) {
        self.framework = framework
        self.method = method
        self.route = route
        self.path = path
        self.line = line
        isPublic = false
    }

    /// Identity across rules: the same route seen by the authentication and the rate-limit pack.
    var key: String { "\(path)\u{0}\(line)\u{0}\(method)\u{0}\(route)" }

    /// Adds what another rule learnt about the same route.
    /// A guard found by any rule counts.
    mutating func merge(_ other: Endpoint) {
        if let guarded = other.authenticated, authenticated != true {
            authenticated = guarded
            authenticationGuard = other.authenticationGuard
            authenticationGuardLocation = other.authenticationGuardLocation
        }
        if let guarded = other.rateLimited, rateLimited != true {
            rateLimited = guarded
            rateLimitGuard = other.rateLimitGuard
            rateLimitGuardLocation = other.rateLimitGuardLocation
        }
        isPublic = isPublic || other.isPublic
        if pendingRule == nil {
            pendingRule = other.pendingRule
            pendingKeys = other.pendingKeys
        }
        router = router ?? other.router
        rules.formUnion(other.rules)
    }

    /// A router prefix and a route joined with one slash between them: `/jobs` and `/{id}` make `/jobs/{id}`,
    /// `/jobs` and `` or `/` make `/jobs` and `/jobs/`.
    static func joined(_ prefix: String, _ route: String) -> String {
        guard !prefix.isEmpty else { return route }
        let head = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        if route.isEmpty { return head.isEmpty ? "/" : head }
        return head + (route.hasPrefix("/") ? route : "/" + route)
    }

    /// Report order: path, line, method, route.
    static func reportOrder(_ lhs: Endpoint, _ rhs: Endpoint) -> Bool {
        (lhs.path, lhs.line, lhs.method, lhs.route) < (rhs.path, rhs.line, rhs.method, rhs.route)
    }
}
