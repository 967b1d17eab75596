// swift-tools-version: 6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 mode (strict concurrency) plus the upcoming features
/// STYLE.md asks for, so access and existential spelling are checked the same everywhere.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "StackBridge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stackbridge", targets: ["StackBridge"]),
        // The fuzz harness (Tests/Fuzz): replays its corpus in `make test`, runs libFuzzer in `make fuzz`.
        .executable(name: "stackbridge-fuzz", targets: ["Fuzz"]),
        // Library products exist so the separate Benchmarks package can measure the modules directly.
        .library(
            name: "StackBridgeModules",
            targets: ["Pipeline", "JSON", "Crypto", "EventLoops", "CloudStack", "CloudStackSimulator", "EC2", "GCE"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: ["YAML"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C system libraries. Only EventLoops imports CLibevent; only Crypto imports COpenSSL.
        .systemLibrary(name: "CLibevent", pkgConfig: "libevent"),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl"),

        // Low-level modules: the only ones that touch C.
        .target(name: "Crypto", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        .target(
            name: "EventLoops",
            dependencies: ["CLibevent", "Crypto", "Pipeline"],
            swiftSettings: swiftSettings,
            linkerSettings: [.linkedLibrary("event_openssl"), .linkedLibrary("event_pthreads")]
        ),

        // Pure Swift: no sockets, no threads, no C.
        .target(name: "Pipeline", swiftSettings: swiftSettings),
        .target(name: "JSON", swiftSettings: swiftSettings),
        .target(name: "CloudStack", dependencies: ["Pipeline", "JSON", "Crypto"], swiftSettings: swiftSettings),
        .target(name: "CloudStackSimulator", dependencies: ["Pipeline", "JSON", "Crypto"], swiftSettings: swiftSettings),
        .target(
            name: "EC2",
            dependencies: ["Pipeline", "CloudStack", "Crypto", "JSON", .product(name: "GRDB", package: "GRDB.swift")],
            // The .mustache files are embedded into Swift source by scripts/embed-templates.sh (decision 0002).
            exclude: ["Templates"],
            swiftSettings: swiftSettings
        ),
        .target(name: "GCE", dependencies: ["Pipeline", "CloudStack", "JSON", "Crypto"], swiftSettings: swiftSettings),

        // The executable: CLI, configuration, wiring. The only module that knows every other one.
        .executableTarget(
            name: "StackBridge",
            dependencies: [
                "EventLoops", "Crypto", "Pipeline", "CloudStack", "CloudStackSimulator", "EC2", "GCE", "JSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: swiftSettings
        ),

        // What the test targets share: fixture loading (Tests/Fixtures), clocks, process launchers.
        .target(name: "TestSupport", dependencies: ["Pipeline"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .executableTarget(
            name: "Fuzz", dependencies: ["CloudStack", "CloudStackSimulator", "EC2", "GCE", "JSON", "Pipeline"], path: "Tests/Fuzz",
            exclude: ["Corpus"], swiftSettings: swiftSettings),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"], swiftSettings: swiftSettings),
        .testTarget(
            name: "EventLoopsTests", dependencies: ["EventLoops", "Crypto", "Pipeline", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CloudStackTests", dependencies: ["CloudStack", "CloudStackSimulator", "JSON", "Pipeline", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CloudStackSimulatorTests", dependencies: ["CloudStackSimulator", "JSON", "Crypto", "Pipeline", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "EC2Tests",
            dependencies: ["EC2", "GCE", "Pipeline", "CloudStack", "CloudStackSimulator", "Crypto", "JSON", "TestSupport"],
            exclude: ["Support/check_ec2_responses.py"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GCETests", dependencies: ["GCE", "Pipeline", "CloudStack", "CloudStackSimulator", "Crypto", "JSON", "TestSupport"],
            exclude: ["Support/validate_schema.py"], swiftSettings: swiftSettings),
        // Real sockets: the CloudStack client over the pooled evhttp transport against the simulator.
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["EventLoops", "CloudStack", "CloudStackSimulator", "Pipeline", "Crypto", "JSON", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StackBridgeTests", dependencies: ["StackBridge", "EventLoops", "Pipeline", "TestSupport"], swiftSettings: swiftSettings),
    ]
)
