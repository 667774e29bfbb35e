extension ScanResult {
    /// The result with the routes that match `patterns` (gitignore-style globs over the HTTP path: a leading `/`
    /// anchors, `*` stays within a segment, `**` crosses segments; `/` alone is the root route) marked public, and
    /// the auth findings on their declarations suppressed by the configuration.
    public func treatingAsPublic(routes patterns: [String]) -> ScanResult {
        guard !patterns.isEmpty else { return self }
        let root = patterns.contains("/")
        let globs = patterns.compactMap(Glob.init)
        var publicDeclarations = Set<String>()
        let endpoints = endpoints.map { endpoint in
            let route = String(endpoint.route.drop { $0 == "/" })
            guard route.isEmpty ? root : globs.contains(where: { $0.matches(route, isDirectory: false) }) else { return endpoint }
            var marked = endpoint
            marked.isPublic = true
            publicDeclarations.insert("\(endpoint.path):\(endpoint.line)")
            return marked
        }
        return replacing(endpoints: endpoints).suppressing { finding in
            guard finding.pack == "auth", publicDeclarations.contains("\(finding.path):\(finding.region.start.line)") else { return nil }
            return Suppression(kind: .config, reason: "public route (auth.public-routes in the configuration)")
        }
    }
}
