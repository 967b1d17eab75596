import Foundation
import Testing

@testable import StackBridge

/// `conf/stackbridge.example.yaml`, found from this file's place in the package.
let examplePath: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("conf/stackbridge.example.yaml").path
}()

/// The leaf keys of a block-style YAML file (mappings by indentation; leaves have a value on their line).
func leafKeys(ofYAML text: String) -> [String] {
    var stack: [(indent: Int, name: String)] = []
    var keys: [String] = []
    for line in text.split(separator: "\n") {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        guard !body.hasPrefix("#"), let colon = body.firstIndex(of: ":") else { continue }
        let name = String(body[..<colon])
        let rest = body[body.index(after: colon)...].drop { $0 == " " }
        while let last = stack.last, last.indent >= indent { stack.removeLast() }
        if rest.isEmpty || rest.hasPrefix("#") {
            stack.append((indent, name))
        } else {
            keys.append((stack.map(\.name) + [name]).joined(separator: "."))
        }
    }
    return keys
}

@Suite struct ConfigurationExampleTests {
    @Test func exampleFileSetsEveryKeyToItsDefault() throws {
        let settings = try Settings.load(configFile: examplePath, environment: [:])
        #expect(settings == Settings())
    }

    @Test func exampleReaderAndPrinterCoverTheSameKeys() throws {
        let example = leafKeys(ofYAML: try String(contentsOfFile: examplePath, encoding: .utf8))
        let read = try Settings.keysRead(configFile: nil, environment: [:])
        let printed = Settings().effectiveLines.map { String($0.prefix { $0 != ":" }) }
        #expect(read.count > 60)
        #expect(example == read)
        #expect(printed == read)
    }

    @Test func everyKeyIsDocumented() throws {
        var url = URL(fileURLWithPath: examplePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        let docs = try String(contentsOfFile: url.appendingPathComponent("docs/configuration.md").path, encoding: .utf8)
        for key in try Settings.keysRead(configFile: nil, environment: [:]) {
            #expect(docs.contains("`\(key)`"), "docs/configuration.md does not mention `\(key)`")
        }
    }

    @Test func secretsNeverPrint() throws {
        let masterKey = Data(repeating: 0x5A, count: 32).base64EncodedString()
        let tokenKey = Data(repeating: 0xA5, count: 32).base64EncodedString()
        let environment = [
            "STACKBRIDGE_CLOUDSTACK_ENDPOINT": "https://cloud.example.com/client/api",
            "STACKBRIDGE_CLOUDSTACK_ADMIN_API_KEY": "public-admin-key",
            "STACKBRIDGE_CLOUDSTACK_ADMIN_SECRET_KEY": "ADMIN-SECRET-VALUE",
            "STACKBRIDGE_EC2_REGISTRY_PATH": "/var/lib/stackbridge/registry",
            "STACKBRIDGE_EC2_REGISTRY_MASTER_KEY": masterKey,
            "STACKBRIDGE_GCE_TOKEN_KEY": tokenKey,
            "STACKBRIDGE_SIMULATOR_SEED": "SEED-SECRET-VALUE",
        ]
        let settings = try Settings.load(configFile: nil, environment: environment)
        #expect(settings.cloudstack.adminSecretKey.exposedValue == "ADMIN-SECRET-VALUE")
        #expect(settings.ec2.registry.masterKey.exposedValue == masterKey)

        var dumped = ""
        dump(settings, to: &dumped)
        let renderings = [
            settings.effectiveLines.joined(separator: "\n"), String(describing: settings), "\(settings)",
            String(reflecting: settings), dumped, String(describing: settings.cloudstack), String(reflecting: settings.gce),
            CheckConfigCommand.check(configFile: nil, environment: environment).standardOutput,
        ]
        for text in renderings {
            for secret in ["ADMIN-SECRET-VALUE", masterKey, tokenKey, "SEED-SECRET-VALUE"] {
                #expect(!text.contains(secret), "a secret leaked into: \(text.prefix(80))")
            }
        }
        let lines = settings.effectiveLines
        #expect(lines.contains("cloudstack.adminSecretKey: <redacted>"))
        #expect(lines.contains("ec2.registry.masterKey: <redacted>"))
        #expect(lines.contains("gce.tokenKey: <redacted>"))
        #expect(lines.contains("simulator.seed: <redacted>"))
        #expect(lines.contains("cloudstack.adminApiKey: \"public-admin-key\""))
    }

    @Test func checkConfigPrintsEffectiveSettings() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("stackbridge.yaml", "server:\n  http:\n    port: 8000\n")
        let outcome = CheckConfigCommand.check(configFile: file, environment: ["STACKBRIDGE_ADMIN_PORT": "9999"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.standardError.isEmpty)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("server.http.port: 8000"))
        #expect(lines.contains("admin.port: 9999"))
        #expect(lines.contains("server.http.address: \"0.0.0.0\""))
        #expect(lines.contains("ec2.credentialSources: [\"cloudstack\", \"static\"]"))
        #expect(lines.contains("simulator.seed: <redacted>"))
    }

    @Test func checkConfigExits78OnInvalidConfiguration() {
        let outcome = CheckConfigCommand.check(
            configFile: nil, environment: ["STACKBRIDGE_SERVER_HTTPS_PORT": "70000", "STACKBRIDGE_LOG_FORMAT": "xml"])
        #expect(outcome.exitCode == 78)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("server.https.port: must be 1-65535, got 70000"))
        #expect(outcome.standardError.contains("log.format: must be one of logfmt, json, got \"xml\""))
        #expect(outcome.standardError.hasPrefix("stackbridge: invalid configuration (2 problems):"))
    }

    @Test func checkConfigParsesItsOption() throws {
        #expect(CheckConfigCommand.configuration.commandName == "check-config")
        let command = try CheckConfigCommand.parse(["--config", "/etc/stackbridge/stackbridge.yaml"])
        #expect(command.config == "/etc/stackbridge/stackbridge.yaml")
        #expect(try CheckConfigCommand.parse([]).config == nil)
    }
}
