import Foundation
import Testing

@testable import EC2

/// The templates ship embedded in `EmbeddedTemplates.swift`; this fails when that file no longer
/// matches `Sources/EC2/Templates` (run `scripts/embed-templates.sh`).
@Suite struct TemplatesEmbeddingTests {
    static var templatesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/EC2/Templates")
    }

    /// Every `.mustache` file under Templates, by name without the extension.
    static func templateFiles() throws -> [String: String] {
        let root = templatesDirectory.standardizedFileURL.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var files: [String: String] = [:]
        for case let relative as String in enumerator where relative.hasSuffix(".mustache") {
            let contents = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            files[String(relative.dropLast(".mustache".count))] = contents
        }
        return files
    }

    @Test func embeddedTemplatesMatchTheFilesExactly() throws {
        let files = try Self.templateFiles()
        #expect(!files.isEmpty, "no templates found under \(Self.templatesDirectory.path)")
        #expect(files.keys.sorted() == EmbeddedTemplates.all.keys.sorted(), "run scripts/embed-templates.sh")
        for (name, contents) in files {
            #expect(EmbeddedTemplates.all[name] == contents, "\(name) is stale: run scripts/embed-templates.sh")
        }
    }

    @Test func everyTemplateIsEitherAnActionOrAPartial() {
        for name in EmbeddedTemplates.all.keys {
            #expect(name.hasPrefix("actions/") || name.hasPrefix("partials/"), "\(name)")
        }
    }

    @Test func everyEmbeddedTemplateParses() throws {
        for (name, source) in EmbeddedTemplates.all {
            #expect(throws: Never.self, "\(name)") { try TemplateParser.parse(source, name: name) }
        }
    }
}
