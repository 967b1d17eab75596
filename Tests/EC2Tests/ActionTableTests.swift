import Foundation
import TestSupport
import Testing

@testable import EC2

/// The action table: alphabetised and unique, every action with a template, a test and an EC2 name.
@Suite struct ActionTableTests {
    /// ec2stack's own actions, kept for compatibility; not part of EC2.
    static let ec2stackActions: Set<String> = ["RegisterSecretKey", "RemoveSecretKey"]

    @Test func namesAreUniqueAndAlphabetised() {
        let names = ActionTable.names
        #expect(Set(names).count == names.count)
        #expect(names == names.sorted())
    }

    @Test func everyActionHasATemplateThatCompiles() throws {
        for name in ActionTable.names {
            #expect(EmbeddedTemplates.all["actions/\(name)"] != nil, "no Templates/actions/\(name).mustache")
        }
        let actionTemplates = EmbeddedTemplates.all.keys.filter { $0.hasPrefix("actions/") }.map { String($0.dropFirst(8)) }
        #expect(Set(actionTemplates) == Set(ActionTable.names), "templates without an action")
        #expect(try ActionTable.bind(compiler: .embedded()).count == ActionTable.names.count)
    }

    @Test func everyActionIsExercisedByATest() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var text = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where file.hasSuffix("Tests.swift") && file != "ActionTableTests.swift" {
            text += try String(contentsOfFile: directory.appendingPathComponent(file).path, encoding: .utf8)
        }
        for name in ActionTable.names {
            #expect(text.contains("\"\(name)\""), "no test sends \(name)")
        }
    }

    @Test func everyNameIsAnOperationOfBotocoresEC2Model() throws {
        let script = """
            import json, botocore.session
            print(json.dumps(botocore.session.get_session().get_service_model('ec2').operation_names))
            """
        let operations = Set(try JSONSerialization.jsonObject(with: try Subprocess.python(script)) as? [String] ?? [])
        #expect(operations.count > 500)
        for name in ActionTable.names where !Self.ec2stackActions.contains(name) {
            #expect(operations.contains(name), "\(name) is not an EC2 operation")
            #expect(EC2OperationNames.all.contains(name))
        }
        // The embedded list (for UnsupportedOperation) holds only real operations, and nearly all of them.
        #expect(EC2OperationNames.all.isSubset(of: operations))
        #expect(EC2OperationNames.all.count * 10 >= operations.count * 9)
    }
}
