public import Foundation

/// The repository's test fixtures, found from this file's own path so no test depends on the
/// working directory or on anything outside the repository (`Tests/Fixtures/README.md`).
public enum Fixtures {
    /// The repository root: `Tests/TestSupport/Fixtures.swift` is two folders below it.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `Tests/Fixtures/cloudstack`: CloudStack 4.18's `listApis.json` and the response samples.
    public static let cloudstackDirectory = repositoryRoot.appendingPathComponent("Tests/Fixtures/cloudstack")

    /// `Tests/Fixtures/cloudstack/listApis.json`.
    public static let listApis = cloudstackDirectory.appendingPathComponent("listApis.json")

    /// The sample folders, in the order tests walk them.
    public static let sampleFolders = ["ec2stack", "gstack"]

    /// The bytes of one sample, by its path under `samples/` (`gstack/valid_describe_zone.json`).
    public static func sample(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: cloudstackDirectory.appendingPathComponent("samples/\(relativePath)")))
    }

    /// Every sample as (`folder/name.json`, bytes), sorted by name within each folder. Throws when a
    /// folder is missing or empty, so a test over the samples can never pass by reading none.
    public static func allSamples() throws -> [(name: String, bytes: [UInt8])] {
        var out: [(name: String, bytes: [UInt8])] = []
        for folder in sampleFolders {
            let directory = cloudstackDirectory.appendingPathComponent("samples/\(folder)")
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().filter { $0.hasSuffix(".json") }
            guard !names.isEmpty else { throw Missing(path: directory.path) }
            for name in names {
                out.append(("\(folder)/\(name)", Array(try Data(contentsOf: directory.appendingPathComponent(name)))))
            }
        }
        return out
    }

    /// The bytes of a fixture file that must exist; a missing one stops the test run with its path.
    public static func required(_ url: URL) -> Data {
        guard let data = try? Data(contentsOf: url) else { fatalError("missing test fixture \(url.path)") }
        return data
    }

    /// A fixture that is not where the repository keeps it.
    public struct Missing: Error, CustomStringConvertible {
        /// The path that was looked for.
        public let path: String
        /// What went wrong, for the test report.
        public var description: String { "missing or empty test fixture \(path)" }
    }
}
