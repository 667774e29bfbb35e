import PCRE2Kit

/// Where a router is mounted: `app.include_router(jobs.router, prefix="/api/jobs")` in `app/main.py` names the
/// router `jobs.router` (`ref`) and the prefix `/api/jobs`.
struct RouterMount: Sendable, Hashable {
    let ref: String
    let prefix: String
    /// The file that mounts it.
    let path: String

    /// The router's variable (`router`) and, when the reference names it, its module (`jobs`).
    var variable: Substring { ref.split(separator: ".").last ?? Substring(ref) }
    var module: Substring? {
        let parts = ref.split(separator: ".")
        return parts.count > 1 ? parts[parts.count - 2] : nil
    }

    /// The endpoints with the prefix of the mount of their router put before their route. A mount that names the
    /// module (`jobs.router`) applies to the routes of the router of that name in a file of that name; one that
    /// names only the router (`api_chat`) applies where one file declares routes on a router of that name, or in
    /// the file that mounts it.
    static func apply(_ mounts: [RouterMount], to endpoints: [Endpoint]) -> [Endpoint] {
        guard !mounts.isEmpty else { return endpoints }
        var files: [String: Set<String>] = [:]
        for endpoint in endpoints {
            if let router = endpoint.router { files[router, default: []].insert(endpoint.path) }
        }
        return endpoints.map { endpoint in
            guard let router = endpoint.router else { return endpoint }
            let stem = endpoint.path.split(separator: "/").last.map { $0.split(separator: ".").first ?? $0 } ?? Substring(endpoint.path)
            let found = mounts.first { mount in
                guard mount.variable == router else { return false }
                if let module = mount.module { return module == stem }
                return files[router]?.count == 1 || mount.path == endpoint.path
            }
            guard let found else { return endpoint }
            var mounted = endpoint
            mounted.route = Endpoint.joined(found.prefix, endpoint.route)
            mounted.isPrefixed = true
            return mounted
        }
    }

    /// Routes public by purpose once their full path is known (`/verify` mounted at `/api/v1/auths/mfa`,
    /// `/providers` on a router created with `prefix="/oauth2"`): the rules that recorded a prefixed route read it
    /// again with their allow patterns on the `path` capture, and a route they allow is public and loses their
    /// findings.
    static func publicByFullPath(_ endpoints: inout [Endpoint], findings: inout [Finding], catalog: RuleCatalog) {
        let scratch = MatchScratch(capacity: catalog.captureCapacity)
        var dropped: Set<String> = []
        for index in endpoints.indices where endpoints[index].isPrefixed && !endpoints[index].isPublic {
            let route = Array(endpoints[index].route.utf8)
            let allowing = endpoints[index].rules.filter { id in
                guard let position = catalog.ruleIndex[id] else { return false }
                return catalog.rules[position].allows.contains { allow in
                    allow.target == .capture("path") && route.withUnsafeBytes { (try? allow.pattern.firstMatch(in: $0, from: 0, scratch: scratch)) == true }
                }
            }
            guard !allowing.isEmpty else { continue }
            endpoints[index].isPublic = true
            for id in allowing { dropped.insert("\(endpoints[index].path)\u{0}\(endpoints[index].line)\u{0}\(id)") }
        }
        guard !dropped.isEmpty else { return }
        findings.removeAll { dropped.contains("\($0.path)\u{0}\($0.region.start.line)\u{0}\($0.ruleId)") }
    }
}
