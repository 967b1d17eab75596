import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import TestSupport
import Testing

@testable import EC2

/// Issue #11 (8) and #10: one XML escaper, and no character XML 1.0 forbids reaches any response.
@Suite struct XMLTextTests {
    @Test(arguments: [
        ("img\u{FFFF}", "img\u{FFFD}"), ("\u{FFFE}x\u{FFFF}", "\u{FFFD}x\u{FFFD}"), ("a\u{0}b\u{1B}c", "a\u{FFFD}b\u{FFFD}c"),
        ("cr\rlf\ntab\t", "cr&#13;lf\ntab\t"), ("<&>\"'", "&lt;&amp;&gt;&quot;&apos;"),
    ])
    func forbiddenCharactersAreReplacedAndSpecialsEscaped(text: String, escaped: String) {
        #expect(XMLText.escaped(text) == escaped)
    }

    /// Every ASCII character alone and between two letters, against the rule written out: the escaper's fast test is
    /// a bit mask, and one wrong bit would let a forbidden byte through or escape a digit.
    @Test func everyASCIICharacterIsEscapedByTheRule() {
        for code in UInt8(0)..<0x80 {
            let expected: String
            switch code {
            case UInt8(ascii: "&"): expected = "&amp;"
            case UInt8(ascii: "<"): expected = "&lt;"
            case UInt8(ascii: ">"): expected = "&gt;"
            case UInt8(ascii: "\""): expected = "&quot;"
            case UInt8(ascii: "'"): expected = "&apos;"
            case 0x0D: expected = "&#13;"
            case 0x09, 0x0A: expected = String(UnicodeScalar(code))
            case ..<0x20: expected = "\u{FFFD}"
            default: expected = String(UnicodeScalar(code))
            }
            let alone = String(UnicodeScalar(code))
            #expect(XMLText.escaped(alone) == expected, "byte \(code)")
            #expect(XMLText.escaped("a" + alone + "b") == "a" + expected + "b", "byte \(code)")
        }
    }

    /// Neighbours of U+FFFE/U+FFFF share the `EF BF` prefix and are legal: they must pass unchanged.
    @Test(arguments: ["\u{FFFD}", "\u{FFFC}", "\u{FFEF}", "\u{F000}", "\u{EFFF}", "\u{10FFFF}", "\u{1FFFF}", "日本", "x\u{EF}"])
    func legalNeighboursPassThrough(text: String) {
        #expect(XMLText.escaped(text) == text)
    }

    @Test func aTruncatedPrefixAtTheEndIsNotReadPastTheBuffer() {
        let bytes: [UInt8] = [0x61, 0xEF, 0xBF]  // not valid UTF-8 as a String, but the raw entry point must not overrun
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { XMLText.append($0, to: &out) }
        #expect(out == bytes)
    }

    @Test func errorDocumentsAndTemplatesEscapeAlike() throws {
        let hostile = "a\u{FFFF}b\rc<d>\u{1}"
        let body = String(decoding: ErrorDocument.body(EC2Error(code: "X", message: hostile, status: 400), requestID: "r"), as: UTF8.self)
        let template = try TemplateCompiler(templates: ["t": "{{title}}"]).compile("t", as: TemplatesBox.self)
        let rendered = String(decoding: template.render(TemplatesBox(title: hostile)), as: UTF8.self)
        #expect(body.contains("<Message>" + rendered + "</Message>"))
        #expect(rendered == "a\u{FFFD}b&#13;c&lt;d&gt;\u{FFFD}")
    }

    @Test func botocoreParsesAnErrorThatEchoesForbiddenCharacters() throws {
        let script = """
            import sys, json
            from botocore.parsers import EC2QueryParser
            parsed = EC2QueryParser().parse({'status_code': 400, 'headers': {}, 'body': sys.stdin.buffer.read()}, None)
            print(json.dumps(parsed['Error']['Message']))
            """
        let error = EC2Error.invalidParameterValue("The image id 'ami-\u{FFFF}\u{FFFE}\r' is malformed")
        let out = try Subprocess.python(script, input: Data(ErrorDocument.body(error, requestID: "r")))
        let message = try JSONDecoder().decode(String.self, from: out)
        #expect(message == "The image id 'ami-\u{FFFD}\u{FFFD}\r' is malformed")
    }

    /// The reproduction: a public image named `img\u{FFFF}` and a tag value with U+FFFE, seen by other accounts and
    /// the owner through botocore's parser (`call` fails if botocore cannot parse the answer).
    @Test func hostileImageNamesAndTagValuesDoNotBreakOtherAccounts() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        // EC2 refuses such a name in RegisterImage; another CloudStack client can still give a template one.
        let registered = try await cloud.client.call(
            CommandTable.registerTemplate,
            [
                "name": "img\u{FFFF}", "displaytext": "img\u{FFFF}", "url": "https://images.example.org/disk.qcow2", "format": "QCOW2",
                "hypervisor": "KVM", "zoneid": "-1",
            ], as: CloudStackCredentials(apiKey: cloud.user.apiKey, secretKey: cloud.user.secretKey))
        let image = try #require(registered.items.first?.id.flatMap { EC2ID(kind: .image, cloudStackUUID: $0)?.description })
        let refused = await cloud.send("RegisterImage", [("Name", "img\u{FFFF}"), ("ImageLocation", "https://images.example.org/d.qcow2")])
        #expect(String(decoding: refused.body, as: UTF8.self).contains("InvalidParameterValue"))
        _ = try await cloud.call("ModifyImageAttribute", [("ImageId", image), ("LaunchPermission.Add.1.Group", "all")])
        let seen = try await cloud.call("DescribeImages", [("ImageId.1", image)], as: cloud.other)
        let names = (seen["Images"] as? [[String: Any]] ?? []).compactMap { $0["Name"] as? String }
        #expect(names == ["img\u{FFFD}"])
        let everything = try await cloud.call("DescribeImages", [], as: cloud.other)
        #expect((everything["Images"] as? [[String: Any]] ?? []).count >= 2)

        let launch = try await InstanceActionTests.imageID(cloud)
        let run = try await cloud.call(
            "RunInstances",
            [
                ("ImageId", launch), ("MinCount", "1"), ("MaxCount", "1"), ("TagSpecification.1.ResourceType", "instance"),
                ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "web\u{FFFE}\u{FFFF}"),
            ])
        #expect((run["Instances"] as? [[String: Any]])?.count == 1)
        let described = try await cloud.call("DescribeInstances")
        let tags = InstanceActionTests.instances(described).flatMap { ($0["Tags"] as? [[String: Any]]) ?? [] }
        #expect(tags.contains { $0["Value"] as? String == "web\u{FFFD}\u{FFFD}" }, "\(tags)")
    }
}
