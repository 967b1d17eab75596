// swift-tools-version: 6.1
import PackageDescription

// Micro benchmarks, kept out of the root package so its build stays lean. Run from this folder:
//     swift package benchmark --target TemplateBenchmarks
// ordo-one/benchmark finds benchmark targets by their folder, Benchmarks/<Target>.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "StackBridgeBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "StackBridge", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Load-test target for Benchmarks/scripts/frontend.sh (not a micro benchmark).
        .executableTarget(
            name: "FrontEndServer",
            dependencies: [.product(name: "StackBridgeModules", package: "StackBridge")],
            path: "Sources/FrontEndServer",
            swiftSettings: swiftSettings
        ),
        // Keep-alive pool vs a new connection per request, for Benchmarks/scripts/pool.sh, docs/performance.md.
        .executableTarget(
            name: "PoolBench",
            dependencies: [.product(name: "StackBridgeModules", package: "StackBridge")],
            path: "Sources/PoolBench",
            swiftSettings: swiftSettings
        ),
        // listVirtualMachines decoding: JSONReader into the models vs Foundation JSONDecoder, docs/performance.md.
        .executableTarget(
            name: "DecodeBenchmarks",
            dependencies: [
                .product(name: "StackBridgeModules", package: "StackBridge"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/DecodeBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "TemplateBenchmarks",
            dependencies: [
                .product(name: "StackBridgeModules", package: "StackBridge"),
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Benchmarks/TemplateBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
