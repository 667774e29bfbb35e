// swift-tools-version:6.1
import PackageDescription

// scripts/fuzz.sh sets PREFLIGHT_FUZZING=1: the libraries get libFuzzer's coverage instrumentation and
// AddressSanitizer, and the fuzz program links libFuzzer. Build tools (the rule embedder) stay plain.
let fuzzing = Context.environment["PREFLIGHT_FUZZING"] == "1"
let instrumented: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

let package = Package(
    name: "Preflight",
    products: [
        .executable(name: "scan", targets: ["scan"]),
        .library(name: "PreflightCore", targets: ["PreflightCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "PCRE2Kit", dependencies: ["CPCRE2"], swiftSettings: instrumented),
        .target(name: "YAMLKit", dependencies: ["CYAML"], swiftSettings: instrumented),
        .target(name: "PreflightCore", dependencies: ["PCRE2Kit", "YAMLKit"], swiftSettings: instrumented),
        .target(name: "PreflightReport", swiftSettings: instrumented),
        .target(name: "PreflightReporters", dependencies: ["PreflightCore", "PreflightReport"], swiftSettings: instrumented),
        .executableTarget(name: "rule-embedder"),
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["rule-embedder"]
        ),
        // The built-in rules: Rules/ is this target's directory, so that SwiftPM notices added rule files,
        // and the EmbedRules plugin turns its .yml files into Swift source.
        .target(
            name: "PreflightBuiltinRules",
            path: "Rules",
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "scan",
            dependencies: [
                "PreflightCore", "PreflightReport", "PreflightReporters", "PreflightBuiltinRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing (scripts/fuzz.sh): the targets as a library the tests replay, and a program libFuzzer drives.
        .target(
            name: "PreflightFuzzing",
            dependencies: ["PreflightCore", "PreflightReport", "PreflightReporters", "PreflightBuiltinRules"],
            swiftSettings: instrumented
        ),
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "preflight-fuzz",
            dependencies: ["PreflightFuzzing", "CLibFuzzer"],
            swiftSettings: fuzzing ? instrumented + [.define("FUZZING")] : [],
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
        ),
        .target(name: "PreflightTestSupport", path: "Tests/PreflightTestSupport", exclude: ["Resources"]),
        .testTarget(
            name: "PCRE2KitTests",
            dependencies: ["PCRE2Kit"]
        ),
        .testTarget(
            name: "YAMLKitTests",
            dependencies: ["YAMLKit"]
        ),
        .testTarget(
            name: "PreflightCoreTests",
            dependencies: ["PreflightCore", "PreflightBuiltinRules", "PreflightReport", "PreflightReporters", "PreflightTestSupport", "PreflightFuzzing"],
            exclude: ["Reporters/Golden"]
        ),
        .testTarget(
            name: "ScanCLITests",
            dependencies: ["scan", "PreflightReporters", "PreflightTestSupport"]
        ),
    ]
)
