import Foundation
import Synchronization
import Testing

@testable import StackBridge

/// The pieces of `stackbridge demo` that need no running bridge: quoting checked by bash itself, the folder's
/// permissions and atomic rewrites, the token renewal loop, the banner's lines.
@Suite struct DemoTests {
    /// Runs `script` in bash and returns its standard output.
    static func bash(_ script: String, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("demo-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test(arguments: [
        "plain-Key_1.2/x:y@z%+=,", "with space", "it's", "$HOME", "`id`", "a\"b", "back\\slash", "~user", "*", "", "semi;colon",
        "new\nline", "!bang",
    ])
    func bashReadsEveryQuotedWordBackExactly(_ word: String) throws {
        #expect(try Self.bash("printf %s " + Quoting.shell(word), environment: ["HOME": "/home/nobody"]) == word)
    }

    @Test func plainWordsStayUnquotedSoTheBannerStaysReadable() {
        #expect(Quoting.shell("nhti3vLzxiAK-Sl0o5HZ_6MT") == "nhti3vLzxiAK-Sl0o5HZ_6MT")
        #expect(Quoting.shell("https://127.0.0.1:8443/compute/v1/") == "https://127.0.0.1:8443/compute/v1/")
        #expect(Quoting.shell("a b") == "'a b'")
    }

    @Test(arguments: ["plain", "quote\"d", "back\\slash", "new\nline", "tab\t", "\u{1}", "it's", "ünïcode"])
    func pythonReadsEveryLiteralBackExactly(_ text: String) throws {
        let script = "python3 -c " + Quoting.shell("import sys; sys.stdout.write(\(Quoting.python(text)))")
        #expect(try Self.bash(script) == text)
    }

    @Test func aTemporaryFolderIsPrivateUnderTMPDIRAndGoesAwayWithItsFiles() throws {
        let base = try Self.temporaryDirectory()
        let folder = try DemoFolder.make(stateDirectory: nil, environment: ["TMPDIR": base + "/"])
        #expect(folder.isTemporary)
        #expect(folder.path.hasPrefix(base + "/stackbridge-demo."))
        #expect(try Self.mode(folder.path) == 0o700)
        let file = try folder.write("access-token", "first")
        #expect(try Self.mode(file) == 0o600)
        try folder.write("access-token", "second")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["access-token"])
        folder.clean(["access-token"])
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func aStateDirectoryIsMadeIfMissingAndKept() throws {
        let base = try Self.temporaryDirectory()
        let folder = try DemoFolder.make(stateDirectory: base + "/state", environment: [:])
        #expect(!folder.isTemporary)
        #expect(try Self.mode(folder.path) == 0o700)
        let file = try folder.write("service-account.json", "{}")
        #expect(try Self.mode(file) == 0o600)
        folder.clean(["service-account.json"])
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(throws: DemoFolder.Failure.self) { try DemoFolder.make(stateDirectory: "", environment: [:]) }
        #expect(throws: DemoFolder.Failure.self) { try DemoFolder.make(stateDirectory: base + "/no/such/parent", environment: [:]) }
    }

    @Test func aFileCannotBeWrittenThroughALinkPlantedInTheFolder() throws {
        let base = try Self.temporaryDirectory()
        let folder = try DemoFolder.make(stateDirectory: base + "/state", environment: [:])
        try "victim".write(toFile: base + "/victim", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/access-token", withDestinationPath: base + "/victim")
        try folder.write("access-token", "token")
        #expect(try String(contentsOfFile: base + "/victim", encoding: .utf8) == "victim")
        #expect(try String(contentsOfFile: folder.path + "/access-token", encoding: .utf8) == "token")
    }

    @Test func theRenewalRewritesTheTokenAfterEachPauseUntilThePauseThrows() async throws {
        let folder = try DemoFolder.make(stateDirectory: try Self.temporaryDirectory() + "/state", environment: [:])
        try folder.write("access-token", "token-0")
        let pauses = Mutex<[Int]>([])
        let issued = Mutex(0)
        let renewal = TokenFileRenewal(
            folder: folder, fileName: "access-token", seconds: 1800,
            issue: {
                let n = issued.withLock {
                    $0 += 1; return $0
                }
                if n == 2 { throw DemoFolder.Failure(description: "CloudStack is down") }
                return "token-\(n)"
            },
            pause: { seconds in
                let count = pauses.withLock {
                    $0.append(seconds); return $0.count
                }
                // After the third renewal attempt the task is "cancelled".
                if count == 4 { throw CancellationError() }
            })
        await renewal.run()
        #expect(pauses.withLock { $0 } == [1800, 1800, 1800, 1800])
        #expect(issued.withLock { $0 } == 3)
        // The failed second renewal kept the first token; the third replaced it.
        #expect(try String(contentsOfFile: folder.file("access-token"), encoding: .utf8) == "token-3")
    }

    static func banner(caFile: String?, folder: String = "/tmp/stackbridge-demo.AbC123") -> DemoBanner {
        DemoBanner(
            url: caFile == nil ? "http://127.0.0.1:8080" : "https://127.0.0.1:8443", simulatorPort: 8081, folder: folder,
            folderIsTemporary: true, account: "user1", username: "user1", apiKey: "-key_1", secretKey: "secret-2",
            admin: ("admin-key", "admin-secret"), region: "cloudstack-1", project: "user1", zone: "sandbox-simulator-basic",
            keyFile: folder + "/service-account.json", tokenFile: folder + "/access-token", tokenLifetimeSeconds: 3600,
            renewalSeconds: 1800, caFile: caFile, binary: "/opt/stack bridge/stackbridge")
    }

    @Test func everyExportLineSetsExactlyItsValueInBashEvenForAwkwardPaths() throws {
        let folder = "/tmp/it's a \"demo\" $HOME"
        let banner = Self.banner(caFile: folder + "/ca.pem", folder: folder)
        let exports = banner.text.split(separator: "\n").filter { $0.hasPrefix("  export ") }.map { String($0.dropFirst(2)) }
        #expect(exports.count == 9)
        let printed = try Self.bash(
            exports.joined(separator: "\n")
                + "\nprintf '%s\\n' \"$GOOGLE_APPLICATION_CREDENTIALS\" \"$AWS_CA_BUNDLE\" \"$HTTPLIB2_CA_CERTS\" \"$AWS_ACCESS_KEY_ID\"")
        #expect(printed == "\(folder)/service-account.json\n\(folder)/ca.pem\n\(folder)/ca.pem\n-key_1\n")
    }

    @Test func theTokenLineNamesTheBinaryAndPassesTheKeyAsOneOptionWord() {
        let lines = Self.banner(caFile: nil).text.split(separator: "\n")
        let token = lines.first { $0.hasPrefix("  STACKBRIDGE_SECRET_KEY=") }
        #expect(
            token
                == "  STACKBRIDGE_SECRET_KEY=secret-2 '/opt/stack bridge/stackbridge' token --endpoint=http://127.0.0.1:8080 --api-key=-key_1"
        )
        // A key starting with "-" must not look like an option: always `--api-key=VALUE`.
        #expect(!Self.banner(caFile: nil).text.contains("--api-key -"))
    }

    @Test func withoutHTTPSNoCALineIsPrinted() {
        let text = Self.banner(caFile: nil).text
        for name in [
            "AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "HTTPLIB2_CA_CERTS", "CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE", "--ca-file", "throw-away CA",
        ] {
            #expect(!text.contains(name), "\(name)")
        }
        #expect(Self.banner(caFile: "/x/ca.pem").text.contains("  export AWS_CA_BUNDLE=/x/ca.pem"))
    }

    @Test func theTokenEndpointAnswerIsReadForItsStringMembersOnly() {
        let answer = Array(#"{"access_token":"sb1.abc","expires_in":3600,"nested":{"error":"no"},"error":"x"}"#.utf8)
        #expect(TokenEndpointRequest.stringMembers(answer) == ["access_token": "sb1.abc", "error": "x"])
        #expect(TokenEndpointRequest.stringMembers(Array("not json".utf8)).isEmpty)
        #expect(TokenEndpointRequest.stringMembers(Array(#"{"a":"b"} trailing"#.utf8)).isEmpty)
        #expect(TokenEndpointRequest.stringMembers(Array((String(repeating: "[", count: 100) + "]").utf8)).isEmpty)
        #expect(TokenEndpointRequest.formEncode("a b+c/~é") == "a%20b%2Bc%2F~%C3%A9")
    }
}

/// Issue #12: the demo and the default configuration name their offerings with real EC2 types (that the
/// demo's names are its seeded offerings is shown end to end: `Tests/e2e/ec2/test_ec2_ansible.py`).
@Suite struct DemoInstanceTypesTests {
    @Test func theDefaultNamesCloudStacksStockOfferingsAndTheDemoAddsItsOwn() {
        var types = Settings().ec2.instanceTypes
        #expect(types == ["t3.micro": "Small Instance", "t3.small": "Medium Instance"])
        DemoInstanceTypes.apply(to: &types)
        #expect(types == ["t3.micro": "Small Instance", "t3.small": "Medium Instance", "t3.medium": "Large Instance"])
    }

    @Test func aConfiguredTypeOrOfferingWins() {
        var types = ["t3.micro": "Custom", "m5.large": "Large Instance"]
        DemoInstanceTypes.apply(to: &types)
        #expect(types == ["t3.micro": "Custom", "m5.large": "Large Instance", "t3.small": "Medium Instance"])
    }

}
