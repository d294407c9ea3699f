// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features turned on for every target, as apple/swift-log does: `InternalImportsByDefault` keeps C types
/// (`htmlDocPtr`, `pcre2_code_8`) out of public API, `ExistentialAny` and `MemberImportVisibility` keep the code honest.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "RedFlag",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "redflag", targets: ["redflag"]),
        .library(name: "RedFlagIngest", targets: ["RedFlagIngest"]),
        .library(name: "RedFlagFeatures", targets: ["RedFlagFeatures"]),
        .library(name: "RedFlagModel", targets: ["RedFlagModel"]),
        .library(name: "RedFlagPipeline", targets: ["RedFlagPipeline"]),
        .library(name: "RedFlagQueue", targets: ["RedFlagQueue"]),
        .library(name: "RedFlagContract", targets: ["RedFlagContract"]),
        .library(name: "RedFlagService", targets: ["RedFlagService"]),
        .library(name: "RedFlagServer", targets: ["RedFlagServer"]),
    ],
    // `Postgres` adds the PostgreSQL review queue (`--db postgres://…`, `PostgresReviewQueue`). Off by default, so a
    // newcomer's `swift build` and `swift test` do not compile PostgresNIO (and need no server).
    // `swift build --traits Postgres`, `swift test --traits Postgres`.
    traits: [
        .trait(name: "Postgres", description: "The PostgreSQL review queue (PostgresNIO), selected by --db postgres://…")
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The HTTP service (`redflag serve`). Hummingbird's default traits are off: they add swift-configuration,
        // which RedFlag does not use (its options come from the command line).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The PostgreSQL store, built only with the `Postgres` trait (above): resolved always, compiled only then.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // System libraries: each is imported by exactly one Swift module.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),

        // The typed contract every stage, the queue, the CLI and a server share (assessments, indicator hits,
        // contributions, entities, labeled examples): plain Codable values, no dependencies.
        .target(name: "RedFlagContract", swiftSettings: swiftSettings),
        // What several modules need written once: SHA-256 hex, JSON writing (with the contract types' JSON, as the
        // scan writes it and the queue stores it), CSV fields, terminal-safe text.
        .target(
            name: "RedFlagCore", dependencies: ["RedFlagContract", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),

        // ingest → features → (classifier) → pipeline → CLI; lower modules never import higher ones.
        .target(
            name: "RedFlagIngest", dependencies: ["CLibXML2", "CZlib", "RedFlagCore"], swiftSettings: swiftSettings),
        .target(
            name: "RedFlagFeatures",
            dependencies: [
                "RedFlagIngest", "RedFlagContract", "RedFlagCore", "CPCRE2", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "RedFlagModel", dependencies: ["RedFlagFeatures", "RedFlagContract"], swiftSettings: swiftSettings),
        .target(
            name: "RedFlagPipeline",
            dependencies: ["RedFlagIngest", "RedFlagFeatures", "RedFlagModel", "RedFlagContract", "RedFlagCore"],
            swiftSettings: swiftSettings),
        .target(
            name: "RedFlagQueue",
            dependencies: [
                "RedFlagContract", "RedFlagCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Postgres"])),
            ],
            swiftSettings: swiftSettings),
        // What the command line and a server share: configuration and model loading, scanning one ad or a stream,
        // enqueueing, decisions as training examples, the queue's replies.
        .target(
            name: "RedFlagService",
            dependencies: [
                "RedFlagPipeline", "RedFlagQueue", "RedFlagContract", "RedFlagCore", "RedFlagIngest", "RedFlagFeatures",
                "RedFlagModel",
            ],
            swiftSettings: swiftSettings),
        // The HTTP service on Hummingbird: routes, bearer tokens, limits, metrics, the application builder. It sits on
        // the service layer and nothing below imports it.
        .target(
            name: "RedFlagServer",
            dependencies: [
                "RedFlagService", "RedFlagPipeline", "RedFlagQueue", "RedFlagContract", "RedFlagCore", "RedFlagIngest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            exclude: ["openapi.json"],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "redflag",
            dependencies: [
                "RedFlagService", "RedFlagPipeline", "RedFlagQueue", "RedFlagContract", "RedFlagCore", "RedFlagServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),

        .testTarget(
            name: "RedFlagContractTests", dependencies: ["RedFlagContract", "RedFlagCore"],
            swiftSettings: swiftSettings),
        .testTarget(name: "RedFlagIngestTests", dependencies: ["RedFlagIngest"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RedFlagFeaturesTests", dependencies: ["RedFlagFeatures", "RedFlagContract"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RedFlagModelTests", dependencies: ["RedFlagModel", "RedFlagContract"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RedFlagPipelineTests",
            dependencies: ["RedFlagPipeline", "RedFlagModel", "RedFlagContract", "RedFlagTestSupport"],
            exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RedFlagServiceTests",
            dependencies: [
                "RedFlagService", "RedFlagPipeline", "RedFlagIngest", "RedFlagFeatures", "RedFlagContract",
                "RedFlagCore", "RedFlagQueue", "RedFlagTestSupport",
            ],
            swiftSettings: swiftSettings),
        // Helpers the tests share: temporary folders and running the built `redflag` binary. Not a product.
        .target(name: "RedFlagTestSupport", swiftSettings: swiftSettings),
        // The process tests run the built binary; depending on the executable makes `swift test` build it first.
        .testTarget(
            name: "RedFlagQueueTests",
            dependencies: [
                "RedFlagQueue", "RedFlagContract", "RedFlagCore", "RedFlagTestSupport", "redflag",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's progress handler counts the work an enqueue does (LinkedGroupCostTests).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // The PostgreSQL store's own tests edit rows behind its back (PostgresStoreTests).
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"])),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RedFlagServerTests",
            dependencies: [
                "RedFlagServer", "RedFlagService", "RedFlagCore", "RedFlagQueue", "RedFlagContract", "RedFlagFeatures", "RedFlagPipeline",
                "RedFlagIngest", "RedFlagTestSupport", "redflag",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RedFlagCLITests", dependencies: ["RedFlagQueue", "RedFlagCore", "RedFlagTestSupport", "redflag"],
            swiftSettings: swiftSettings),

        // Fuzz targets (Tests/Fuzz/README.md): the targets themselves, and the test that replays their corpora.
        .target(
            name: "RedFlagFuzzTargets", dependencies: ["RedFlagIngest", "RedFlagFeatures", "RedFlagContract"],
            path: "Tests/Fuzz/Targets",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RedFlagFuzzTests", dependencies: ["RedFlagFuzzTargets"], path: "Tests/Fuzz/Replay",
            swiftSettings: swiftSettings),
    ]
)

// The libFuzzer executable only when asked for (`Tests/Fuzz/run.sh` sets it): built with the fuzzer sanitizer, its
// `main` comes from libFuzzer, so it must not be part of ordinary builds.
if Context.environment["ENABLE_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "RedFlagFuzz", dependencies: ["RedFlagFuzzTargets"], path: "Tests/Fuzz/Main",
            swiftSettings: swiftSettings))
}

// Benchmarks (ordo-one/benchmark) only when asked for, so `swift build` and `swift test` never compile them:
// ENABLE_BENCHMARKS=1 swift package --scratch-path .build-bench benchmark
if Context.environment["ENABLE_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "RedFlagBenchmarks",
            dependencies: [
                "RedFlagPipeline", "RedFlagFeatures", "RedFlagModel", "RedFlagIngest", "RedFlagQueue",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RedFlagBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]))
}

