/// The structural part of a rule as written: conditions on the match's block, its file and the repository,
/// and what an endpoint match records in the inventory.
public struct StructureSpec: Sendable {
    /// A block whose header pattern a match must (or must not) lie in.
    public struct Enclosing: Sendable {
        public var header: String
        public var block: String
        public var origin: RuleSpec.Origin
    }

    /// What a route match records in the endpoint inventory; values may use `{{capture}}`.
    public struct EndpointSpec: Sendable {
        public var framework: String
        public var method: String
        public var path: String
        /// `authentication` or `rate-limit`: what a match without a finding proves about the route.
        public var guardKind: String
        /// The methods whose routes get a finding (`report-methods`); empty for every method. The others are in
        /// the inventory only.
        public var reportMethods: [String] = []
        /// A regex looked for in the route's file whose `prefix` capture is the router's path prefix
        /// (`router = APIRouter(prefix="/jobs")`); it may name the match's captures (`{{router}}`).
        public var prefix: String?
        /// A template whose text lists the route's methods (`{{methods}}` over `["GET", "POST"]`): one inventory
        /// entry for each. Without it, or when it names none, `method` gives the one entry.
        public var methods: String?
        /// A regex looked for in every production file whose `ref` capture names a router and `prefix` capture the
        /// path it is mounted under (`app.include_router(jobs.router, prefix="/api/jobs")`); routes whose `router`
        /// capture is that router get the prefix in the inventory.
        public var mount: String?
    }

    public var block: String?
    public var has: [String] = []
    public var lacks: [String] = []
    public var fileHas: [String] = []
    public var fileLacks: [String] = []
    public var inside: [Enclosing] = []
    public var notInside: [Enclosing] = []
    public var repoHas: [String] = []
    public var repoLacks: [String] = []
    public var pathExists: [String] = []
    public var pathMissing: [String] = []
    public var endpoint: EndpointSpec?
    /// For rules with repository conditions: report each match (`each`) or only the first (`once`, the default).
    public var report: String?

    public init() {}

    /// Whether anything here is decided only after the whole tree was walked.
    public var isRepositoryLevel: Bool {
        !repoHas.isEmpty || !repoLacks.isEmpty || !pathExists.isEmpty || !pathMissing.isEmpty
    }
}
