import Foundation
import Testing
@testable import PreflightCore
import PreflightTestSupport

/// Scans each tree under `Fixtures/repos/` with every built-in rule: the findings must match the annotations
/// exactly, and the endpoint inventory must match a hand count.
@Suite struct RepositoryFixturesTests {
    static let directory = TestSupport.packageRoot.appendingPathComponent("Fixtures/repos")

    /// Scans a tree of `files` written to a temporary directory with the auth pack.
    static func authScan(_ files: [String: String]) -> ScanResult {
        TestSupport.scanTree(files, packs: ["auth"])
    }

    /// A hand count of one tree's routes.
    struct Inventory: CustomTestStringConvertible, Sendable {
        let repository: String
        let total: Int
        let authenticated: Int
        let rateLimited: Int
        let publicRoutes: Int
        var testDescription: String { repository }
    }

    static let inventories = [
        Inventory(repository: "fastapi-app", total: 9, authenticated: 4, rateLimited: 0, publicRoutes: 3),
        Inventory(repository: "flask-app", total: 6, authenticated: 2, rateLimited: 2, publicRoutes: 2),
        // POST /auth/login runs passport.authenticate: a sign-in route, and guarded by what its handlers check.
        Inventory(repository: "express-app", total: 6, authenticated: 2, rateLimited: 0, publicRoutes: 2),
    ]

    func scan(_ repository: String) -> ScanResult {
        let root = Self.directory.appendingPathComponent(repository)
        let engine = TestSupport.scanner(TestSupport.builtinRules)
        return engine.scan([WalkTarget(fileSystemPath: root.path, displayPath: "")])
    }

    /// A route declared on a router or blueprint created with a prefix in the same file is listed under its full path.
    @Test func routesCarryThePrefixOfTheirRouterOrBlueprint() {
        let fastapiScan = scan("fastapi-app")
        let fastapi = Set(fastapiScan.endpoints.map { "\($0.method) \($0.route)" })
        // Each guard says where it is: the dependency on the handler's line.
        let read = fastapiScan.endpoints.first { $0.route == "/items/{item_id}" && $0.method == "GET" }
        #expect(read?.authenticationGuardLocation == "app/routers/items.py:18")
        #expect(fastapi.isSuperset(of: ["GET /admin/stats", "PUT /admin/settings"]))
        let flask = Set(scan("flask-app").endpoints.filter { $0.path == "blog/admin.py" }.map(\.route))
        #expect(!flask.isEmpty && flask.allSatisfy { $0.hasPrefix("/admin") }, "\(flask)")
        #expect(Endpoint.joined("/jobs", "/{id}") == "/jobs/{id}")
        #expect(Endpoint.joined("/jobs/", "") == "/jobs")
        #expect(Endpoint.joined("/jobs", "x") == "/jobs/x")
    }

    /// A Flask route with several methods is one inventory entry per method, each seen by the auth and the
    /// rate-limit rules.
    @Test func aRouteWithSeveralMethodsIsListedOncePerMethod() {
        let result = TestSupport.scanTree(["app/views.py": """
            from flask import Blueprint, request

            bp = Blueprint("notes", __name__, url_prefix="/notes")

            @bp.route("/<int:note_id>", methods=["GET", "POST"])
            def note(note_id):
                return save(note_id, request.form)
            """], packs: ["auth", "rate-limit"])
        #expect(result.endpoints.map { "\($0.method) \($0.route)" } == ["GET /notes/<int:note_id>", "POST /notes/<int:note_id>"])
        #expect(result.endpoints.allSatisfy { $0.authenticated == false && $0.rateLimited == false })
        #expect(Set(result.findings.map(\.ruleId)).isSuperset(of: ["auth-flask-unauthenticated-route", "rate-limit-flask-route-without-limiter"]))
        #expect(FileEvaluator.httpMethods(in: "('get', 'post', \"GET\")") == ["GET", "POST"])
    }

    @Test("findings match the annotations of the whole tree", arguments: inventories.map(\.repository))
    func findingsMatchAnnotations(_ repository: String) throws {
        let root = Self.directory.appendingPathComponent(repository)
        let result = scan(repository)
        var expected = Set<String>()
        let walker = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        for case let url as URL in walker where !url.hasDirectoryPath {
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            let text = try String(contentsOf: url, encoding: .utf8)
            for annotation in FixtureAnnotations(text: text).expected {
                expected.insert("\(path):\(annotation.line) \(annotation.ruleId)")
            }
        }
        let found = Set(result.findings.map { "\($0.path):\($0.region.start.line) \($0.ruleId)" })
        #expect(found.subtracting(expected).isEmpty, "found but not annotated: \(found.subtracting(expected).sorted())")
        #expect(expected.subtracting(found).isEmpty, "annotated but not found: \(expected.subtracting(found).sorted())")
    }

    @Test("the endpoint inventory matches a hand count", arguments: inventories)
    func inventoryMatchesHandCount(_ expected: Inventory) {
        let endpoints = scan(expected.repository).endpoints
        #expect(endpoints.count == expected.total)
        #expect(endpoints.filter { $0.authenticated == true }.count == expected.authenticated)
        #expect(endpoints.filter { $0.rateLimited == true }.count == expected.rateLimited)
        #expect(endpoints.filter(\.isPublic).count == expected.publicRoutes)
        #expect(endpoints.allSatisfy { $0.authenticated != nil && $0.rateLimited != nil }, "every route is looked at by both packs")
        #expect(endpoints.filter { $0.authenticated == true }.allSatisfy { $0.authenticationGuard != nil })
    }

    @Test func aProjectWideGuardSettlesTheRoutesOfRulesThatWaitForIt() throws {
        let engine = TestSupport.scanner(TestSupport.builtinRules)
        let controller = """
            @RestController
            public class OrderController {
                @GetMapping("/orders")
                public List<Order> orders() { return repo.findAll(); }
            }
            """
        let open = engine.scan(text: controller, path: "src/main/java/OrderController.java")
        #expect(open.findings.map(\.ruleId) == ["auth-spring-unsecured-mapping"])
        #expect(open.endpoints.map(\.authenticated) == [false])
        let secured = engine.scan(text: controller + "\n@EnableWebSecurity\nclass SecurityConfig {}\n", path: "src/main/java/OrderController.java")
        #expect(secured.findings.isEmpty)
        #expect(secured.endpoints.map(\.authenticated) == [true])
        #expect(secured.endpoints.first?.authenticationGuard == "project-wide configuration")
    }

    @Test func aPackagedDistributionGetsNoFindingsAboutFilesItLeavesOut() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-distribution-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let app = "from fastapi import FastAPI\n\napp = FastAPI()\n"
        func write(_ files: [String: String]) throws {
            FileTree.write(files, under: root)
        }
        try write(["service/main.py": app, "pyproject.toml": "[project]\nname = \"service\"\n"])
        let engine = TestSupport.scanner(TestSupport.builtinRules)
        let repository = engine.scan([WalkTarget(fileSystemPath: root.path, displayPath: "")])
        #expect(repository.findings.contains { $0.ruleId == "ops-no-ci" })
        #expect(!repository.isDistribution)
        // The same code as an sdist (PKG-INFO at the top) or a wheel (a .dist-info folder).
        for marker in ["PKG-INFO", "service-1.0.dist-info/METADATA"] {
            try write([marker: "Metadata-Version: 2.1\nName: service\n"])
            let distribution = engine.scan([WalkTarget(fileSystemPath: root.path, displayPath: "")])
            #expect(distribution.isDistribution, "\(marker)")
            #expect(!distribution.findings.contains { ["ops-no-ci", "ops-no-container-build", "ops-no-tests"].contains($0.ruleId) }, "\(marker)")
            #expect(distribution.findings.contains { $0.ruleId == "rate-limit-missing-in-repository" }, "the code itself is still judged")
            try FileManager.default.removeItem(at: root.appendingPathComponent(marker.hasPrefix("PKG") ? marker : "service-1.0.dist-info"))
        }
    }

    @Test func anAuthenticationMiddlewareInAnotherFileGuardsEveryFastAPIRoute() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-middleware-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let routes = "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.post(\"/orders\")\nasync def create(order: dict):\n    return order\n"
        let server = """
            from fastapi import FastAPI
            from fastapi.responses import JSONResponse

            app = FastAPI()

            @app.middleware("http")
            async def check_token(request, call_next):
                if request.headers.get("Authorization") != expected():
                    return JSONResponse(status_code=401, content={"detail": "Unauthorized"})
                return await call_next(request)
            """
        FileTree.write(["api/orders.py": routes, "api/server.py": server], under: root)
        let engine = TestSupport.scanner(TestSupport.builtinRules.selecting(packs: ["auth"]))
        let guarded = engine.scan([WalkTarget(fileSystemPath: root.path, displayPath: "")])
        #expect(guarded.findings.isEmpty)
        #expect(guarded.endpoints.map(\.authenticationGuard) == ["project-wide configuration"])
        try FileManager.default.removeItem(at: root.appendingPathComponent("api/server.py"))
        // Without it nothing in the project authenticates: one finding says so, not one per route.
        let open = engine.scan([WalkTarget(fileSystemPath: root.path, displayPath: "")])
        #expect(open.findings.map(\.ruleId) == ["auth-fastapi-no-authentication"])
        #expect(open.endpoints.map(\.authenticated) == [false])
    }

    /// Starlette's AuthenticationMiddleware only says who the caller is; the routes of a router mounted with a
    /// prefix in another file are listed under the full path.
    @Test func starlettesAuthenticationMiddlewareGuardsNothingAndMountedRoutersCarryTheirPrefix() {
        let result = Self.authScan([
            "app/routers/orders.py": "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.post(\"/{order_id}\")\nasync def update(order_id: int, order: dict):\n    return save(order)\n",
            "app/routers/reports.py": "from fastapi import APIRouter\n\nreports_api = APIRouter()\n\n@reports_api.get(\"\")\nasync def listing():\n    return all_reports()\n",
            "app/main.py": """
                from fastapi import FastAPI
                from starlette.middleware.authentication import AuthenticationMiddleware
                from app.routers import orders
                from app.routers.reports import reports_api

                app = FastAPI()
                app.add_middleware(AuthenticationMiddleware, backend=SessionBackend())
                app.include_router(orders.router, prefix="/api/orders")
                app.include_router(reports_api, prefix="/api/reports")
                """,
        ])
        #expect(result.findings.map(\.ruleId).sorted() == ["auth-fastapi-unauthenticated-read", "auth-fastapi-unauthenticated-write"])
        #expect(result.endpoints.map { "\($0.method) \($0.route)" }.sorted() == ["GET /api/reports", "POST /api/orders/{order_id}"])
    }

    /// A guard object defined in one module and used as a decorator in others (authlib's resource protector)
    /// guards the routes of every module that uses it; a route without it is still reported.
    @Test func aProtectorDefinedInOneModuleGuardsTheRoutesOfOthers() {
        let result = Self.authScan([
            "app/oauth2/server.py": "from authlib.integrations.flask_oauth2 import ResourceProtector\n\nrequire_auth = ResourceProtector()\n",
            "app/stats.py": """
                from flask import Blueprint
                from app.oauth2.server import require_auth

                stats = Blueprint("stats", __name__)

                @stats.route("/stats/<user_name>", methods=["GET"])
                @require_auth(scopes=["workouts:read"])
                def by_user(auth_user, user_name):
                    return compute(user_name)

                @stats.route("/stats/export", methods=["POST"])
                def export():
                    return run_export()
                """,
        ])
        #expect(result.findings.map { "\($0.ruleId) \($0.path):\($0.region.start.line)" } == ["auth-flask-unauthenticated-route app/stats.py:11"])
        // The guard says where it is: the protector's definition in the other module.
        let guarded = result.endpoints.first { $0.route == "/stats/<user_name>" }
        #expect(guarded?.authenticated == true && guarded?.authenticationGuardLocation == "app/oauth2/server.py:3")
    }

    /// The Pydantic v1 API is right in a project that pins Pydantic 1: one finding says so, not one per call.
    @Test func aProjectThatPinsPydantic1GetsOneFindingForThePin() {
        let code = "from pydantic import BaseModel\n\ndef save(item: Item):\n    return store(item.dict())\n"
        func pydantic(_ files: [String: String]) -> [String] {
            TestSupport.scanTree(files, packs: ["pydantic"]).findings.map(\.ruleId)
        }
        #expect(pydantic(["app/api.py": code, "requirements.txt": "pydantic>=2.5\n"]) == ["pydantic-v1-dict-method"])
        #expect(pydantic(["app/api.py": code, "requirements.txt": "pydantic==1.10.13\n"]) == ["pydantic-pinned-v1"])
    }

    /// A limiter with default limits installed once for the application covers the routes of every file.
    @Test func anApplicationWideLimiterInAnotherFileCoversEveryRoute() {
        let routes = ["app/routers/items.py": "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.post(\"/items\")\nasync def create(item: dict):\n    return save(item)\n"]
        let limiter = """
            from fastapi import FastAPI
            from slowapi import Limiter
            from slowapi.util import get_remote_address

            limiter = Limiter(key_func=get_remote_address, default_limits=["200/minute"])
            app = FastAPI()
            app.state.limiter = limiter
            """
        let open = TestSupport.scanTree(routes, packs: ["rate-limit"])
        #expect(open.findings.map(\.ruleId).contains("rate-limit-fastapi-route-without-limiter"))
        let covered = TestSupport.scanTree(routes.merging(["app/main.py": limiter]) { $1 }, packs: ["rate-limit"])
        #expect(!covered.findings.map(\.ruleId).contains("rate-limit-fastapi-route-without-limiter"))
        #expect(covered.endpoints.map(\.rateLimitGuard) == ["project-wide configuration"])
    }

    /// A mount in a comment mounts nothing: the route keeps the prefix of the mount in code.
    @Test func aMountInACommentMountsNothing() {
        let result = Self.authScan([
            "app/routers/jobs.py": "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.post(\"/run\")\nasync def run(job: dict, user=Depends(get_current_user)):\n    return start(job)\n",
            "app/main.py": "from fastapi import FastAPI\nfrom app.routers import jobs\n\napp = FastAPI()\n# app.include_router(jobs.router, prefix=\"/v0/jobs\")\napp.include_router(jobs.router, prefix=\"/api/jobs\")\n",
        ])
        #expect(result.endpoints.map(\.route) == ["/api/jobs/run"])
    }

    /// A route is public by purpose by its full path, prefix mounted in another file included.
    @Test func aMountedRouteIsJudgedPublicByItsFullPath() {
        let result = Self.authScan([
            "app/routers/mfa.py": "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.post(\"/verify\")\nasync def verify(form: dict):\n    return check(form)\n\n@router.post(\"/enroll\")\nasync def enroll(form: dict):\n    return start(form)\n",
            "app/main.py": "from fastapi import FastAPI\nfrom app.routers import mfa\n\napp = FastAPI()\napp.include_router(mfa.router, prefix=\"/api/v1/auths/mfa\")\n\n@app.get(\"/me\")\nasync def me(user=Depends(get_current_user)):\n    return user\n",
        ])
        #expect(result.findings.map(\.region.start.line) == [9])
        #expect(result.endpoints.map { "\($0.route) \($0.isPublic)" }.sorted() == ["/api/v1/auths/mfa/enroll false", "/api/v1/auths/mfa/verify true", "/me false"])
    }

    @Test func aBlueprintHookRegisteredInAnotherModuleGuardsThatBlueprintsRoutesOnly() throws {
        let files = [
            "api/token.py": "from flask import Blueprint\n\ntoken_blueprint = Blueprint(\"token\", __name__)\n\n@token_blueprint.route(\"/token/<serial>\", methods=[\"DELETE\"])\ndef delete(serial):\n    return remove(serial)\n",
            "api/audit.py": "from flask import Blueprint\n\naudit_blueprint = Blueprint(\"audit\", __name__)\n\n@audit_blueprint.route(\"/audit/\")\ndef search():\n    return entries()\n",
            // Hooks on blueprints of other modules, stacked above one guard.
            "api/before_after.py": """
                from .token import token_blueprint
                from .reports import reports_blueprint

                @token_blueprint.before_request
                @reports_blueprint.before_request
                @admin_required
                def before_admin_request():
                    load_request_user()
                """,
            // A blueprint named like another module's, with its own hook: it guards its own routes only.
            "api/admin.py": "from flask import Blueprint\n\naudit_blueprint = Blueprint(\"admin\", __name__)\n\n@audit_blueprint.before_request\n@login_required\ndef guard():\n    pass\n",
        ]
        let result = Self.authScan(files)
        #expect(result.findings.map { "\($0.path):\($0.region.start.line)" } == ["api/audit.py:5"])
        let guarded = result.endpoints.first { $0.path == "api/token.py" }
        #expect(guarded?.authenticated == true && guarded?.authenticationGuard == "project-wide configuration")
    }

    @Test func aProjectDecoratorDefinedElsewhereGuardsWhenItsDefinitionChecksTheCaller() throws {
        let files = [
            "app/access.py": """
                from functools import wraps
                from flask import abort
                from flask_login import current_user

                def management_access(view):
                    @wraps(view)
                    def wrapper(*args, **kwargs):
                        if not current_user.is_admin:
                            abort(403)
                        return view(*args, **kwargs)
                    return wrapper

                def timed(view):
                    return view
                """,
            // The guard is the second decorator under one route; the other route has only a decorator that checks nothing.
            "app/views.py": """
                from flask import Blueprint
                from .access import management_access, timed

                bp = Blueprint("admin", __name__)

                @bp.route("/backups", methods=["POST"])
                @timed
                @management_access
                def backups():
                    return run_backup()

                @bp.route("/exports", methods=["POST"])
                @timed
                def exports():
                    return run_export()
                """,
        ]
        let catalog = RuleCatalog(TestSupport.builtinRules.selecting(packs: ["auth"]))
        // The three conditions that name deco0, deco1 and deco2 in each rule search one regex.
        #expect(catalog.keyedPatterns.filter { $0.source.contains("def[ ") }.count == 1)
        let result = Self.authScan(files)
        #expect(result.findings.map { "\($0.path):\($0.region.start.line)" } == ["app/views.py:12"])
    }

    @Test func repositoryConditionsLookAtProductionCodeOnly() throws {
        let files = [
            "api/token.py": "from flask import Blueprint\n\ntoken_blueprint = Blueprint(\"token\", __name__)\n\n@token_blueprint.route(\"/token/<serial>\", methods=[\"DELETE\"])\ndef delete(serial):\n    return remove(serial)\n",
            // A test module that guards the blueprint for its own client: the application stays open.
            "tests/test_token.py": "from api.token import token_blueprint\n\n@token_blueprint.before_request\n@login_required\ndef guard():\n    pass\n",
        ]
        let result = Self.authScan(files)
        #expect(result.findings.map { "\($0.path):\($0.region.start.line)" } == ["api/token.py:5"])
    }
}
