import CloudStack
import Foundation
import JSON
import Pipeline

/// Test fixtures: the shared CloudStack samples and listApis.json, found from this file's real path.
enum Fixtures {
    /// `/work/shared/cloudstack` (the repo root's `../shared/cloudstack`), resolving the scratch symlinks.
    static let cloudstackDirectory: URL = {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        // Tests/CloudStackTests/Fixtures.swift -> repo root
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/cloudstack")
    }()

    static func sample(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: cloudstackDirectory.appendingPathComponent("samples/\(relativePath)")))
    }

    static func allSamples() throws -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        for folder in ["ec2stack", "gstack"] {
            let dir = cloudstackDirectory.appendingPathComponent("samples/\(folder)")
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".json") {
                out.append(("\(folder)/\(name)", Array(try Data(contentsOf: dir.appendingPathComponent(name)))))
            }
        }
        return out
    }

    /// Decodes a sample with a command as if CloudStack had answered it with HTTP 200.
    static func decode<C: CloudStackCommand>(_ command: C, _ relativePath: String) throws -> C.Result {
        try ResponseDecoder.decode(command, InboundResponse(status: 200, body: try sample(relativePath)))
    }

    /// Decodes a bare object sample (the `*_search.json`/`valid_get_*` files hold one object, no wrapper).
    static func decodeObject<T: CloudStackDecodable>(_ type: T.Type, _ relativePath: String) throws -> T {
        try JSONReader.read(try sample(relativePath)) { (r: inout JSONReader) throws(JSONError) -> T in try T.decode(from: &r) }
    }
}
