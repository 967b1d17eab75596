import Foundation
import Testing

@testable import StackBridge

/// A temporary directory for one test, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "stackbridge-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` inside the directory and returns the full path.
    func write(_ name: String, _ contents: String) throws -> String {
        let file = path + "/" + name
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Loads settings, returning the problems as `key: message` lines when loading fails.
func loadProblems(yaml: String? = nil, environment: [String: String] = [:]) throws -> [String] {
    let directory = try TemporaryDirectory()
    let file = try yaml.map { try directory.write("stackbridge.yaml", $0) }
    do {
        _ = try Settings.load(configFile: file, environment: environment)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

@Suite struct ConfigurationTests {
    @Test func defaultsWithoutFileOrEnvironment() throws {
        let settings = try Settings.load(configFile: nil, environment: [:])
        #expect(settings == Settings())
        #expect(settings.server.http.port == 8080)
        #expect(settings.server.limits.maxBodyBytes == 2_097_152)
        #expect(settings.admin.address == "127.0.0.1")
        #expect(settings.cloudstack.isSimulator)
        #expect(settings.cloudstack.pool.idleTimeoutSeconds == 20)
        #expect(settings.ec2.credentialSources == [.cloudstack, .static])
        #expect(settings.simulator.seed.exposedValue == "stackbridge-demo")
    }

    @Test func batchLimitsAreReadAndRangeChecked() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("b.yaml", "gce:\n  batch:\n    maxParts: 20\n    maxPartBytes: 4096\n    maxTotalBytes: 65536\n")
        let settings = try Settings.load(configFile: file, environment: [:])
        #expect(settings.gce.batchMaxParts == 20)
        #expect(settings.gce.batchMaxPartBytes == 4096)
        #expect(settings.gce.batchMaxTotalBytes == 65536)
        #expect(Settings().gce.batchMaxParts == 1000)
        #expect(try loadProblems(yaml: "gce:\n  batch:\n    maxParts: 1001\n") == ["gce.batch.maxParts: must be 1-1000, got 1001"])
    }

    /// `cloudstack.pageSize` reaches the CloudStack client: CloudStack refuses a `pagesize` above its own
    /// `default.page.size`, so a region that lowered it needs the bridge to ask for less.
    @Test func theCloudStackPageSizeIsReadRangeCheckedAndWired() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("p.yaml", "cloudstack:\n  pageSize: 100\n")
        let settings = try Settings.load(configFile: file, environment: [:])
        #expect(settings.cloudstack.pageSize == 100 && Settings().cloudstack.pageSize == 500)
        #expect(BackendWiring.client(settings.cloudstack, path: "/client/api").pageSize == 100)
        #expect(try loadProblems(yaml: "cloudstack:\n  pageSize: 0\n") == ["cloudstack.pageSize: must be 1-10000, got 0"])
    }

    @Test func readsNestedYAML() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(
            "stackbridge.yaml",
            """
            server:
              loops: 2
              http:
                port: 8000
              ec2Path: /ec2
              limits:
                maxBodyBytes: 1_048_576
            admin:
              enabled: false
            log:
              format: json
              level: debug
              accessLog: no
            cloudstack:
              endpoint: "https://cloud.example.com:8443/client/api"
              adminApiKey: AK
              adminSecretKey: "s3cret"
              pool:
                size: 4
            ec2:
              credentialSources: [static]
              instanceTypes:
                - "t2.micro=Small Instance"
                - m5.large = Medium Instance
              volumeTypes: ["gp3=Custom", "io1 = Fast SSD"]
            gce:
              redirectURIs: ["http://localhost", "urn:ietf:wg:oauth:2.0:oob"]
            """)
        let settings = try Settings.load(configFile: file, environment: [:])
        #expect(settings.server.loops == 2)
        #expect(settings.server.http.port == 8000)
        #expect(settings.server.ec2Path == "/ec2")
        #expect(settings.server.limits.maxBodyBytes == 1_048_576)
        #expect(settings.admin.enabled == false)
        #expect(settings.log.format == .json)
        #expect(settings.log.level == .debug)
        #expect(settings.log.accessLog == false)
        #expect(settings.cloudstack.endpoint == "https://cloud.example.com:8443/client/api")
        #expect(!settings.cloudstack.isSimulator)
        #expect(settings.cloudstack.adminSecretKey.exposedValue == "s3cret")
        #expect(settings.cloudstack.pool.size == 4)
        #expect(settings.cloudstack.pool.queueLimit == 256)
        #expect(settings.ec2.credentialSources == [.static])
        #expect(settings.ec2.instanceTypes == ["t2.micro": "Small Instance", "m5.large": "Medium Instance"])
        #expect(settings.ec2.volumeTypes == ["gp3": "Custom", "io1": "Fast SSD"])
        #expect(settings.gce.redirectURIs == ["http://localhost", "urn:ietf:wg:oauth:2.0:oob"])
    }

    @Test func environmentOverridesFile() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(
            "stackbridge.yaml", "server:\n  http:\n    port: 8000\n  limits:\n    maxHeaderBytes: 4096\n")
        let settings = try Settings.load(
            configFile: file,
            environment: [
                "STACKBRIDGE_SERVER_HTTP_PORT": "9000",
                "STACKBRIDGE_SERVER_LIMITS_MAX_HEADER_BYTES": "16384",
                "STACKBRIDGE_SERVER_PUBLIC_URL": "https://api.example.com/",
                "STACKBRIDGE_EC2_CREDENTIAL_SOURCES": "static,cloudstack",
                "STACKBRIDGE_GCE_TOKEN_KEY": String(repeating: "A", count: 43) + "=",
                "STACKBRIDGE_CLOUDSTACK_SIGNATURE_VERSION3": "false",
                "SERVER_HTTP_PORT": "1",
            ])
        #expect(settings.server.http.port == 9000)
        #expect(settings.server.limits.maxHeaderBytes == 16384)
        #expect(settings.server.publicURL == "https://api.example.com/")
        #expect(settings.server.effectivePublicURL == "https://api.example.com")
        #expect(settings.ec2.credentialSources == [.static, .cloudstack])
        #expect(settings.gce.tokenKey.exposedValue.count == 44)
        #expect(settings.cloudstack.signatureVersion3 == false)
    }

    @Test func fileValueUsedWhenEnvironmentSilent() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("stackbridge.yaml", "server:\n  http:\n    port: 8000\n")
        let settings = try Settings.load(configFile: file, environment: ["STACKBRIDGE_ADMIN_PORT": "9191"])
        #expect(settings.server.http.port == 8000)
        #expect(settings.admin.port == 9191)
    }

    @Test func effectivePublicURLIsDerivedFromTheListener() {
        var settings = Settings()
        #expect(settings.server.effectivePublicURL == "http://127.0.0.1:8080")
        settings.server.https.enabled = true
        settings.server.https.address = "::"
        settings.server.https.port = 443
        #expect(settings.server.effectivePublicURL == "https://127.0.0.1")
        settings.server.https.address = "fe80::1"
        #expect(settings.server.effectivePublicURL == "https://[fe80::1]")
    }

    @Test func commentOnlyFileMeansDefaults() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("stackbridge.yaml", "# nothing set\n---\n")
        #expect(try Settings.load(configFile: file, environment: [:]) == Settings())
    }

    @Test func unreadableOrInvalidFileIsReported() throws {
        let missing = try loadProblemsForFile("/nonexistent/stackbridge.yaml")
        #expect(missing.count == 1)
        #expect(missing.first?.hasPrefix("config: /nonexistent/stackbridge.yaml: ") == true)
        let invalid = try loadProblems(yaml: "server: [unclosed\n")
        #expect(invalid.count == 1)
        #expect(invalid.first?.hasPrefix("config: ") == true)
        #expect(invalid.first?.contains("invalid YAML") == true)
    }

    private func loadProblemsForFile(_ path: String) throws -> [String] {
        do {
            _ = try Settings.load(configFile: path, environment: [:])
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func reportsEveryProblemNotJustTheFirst() throws {
        let problems = try loadProblems(yaml: "server:\n  loops: -1\nadmin:\n  port: 0\n")
        #expect(problems == ["server.loops: must be 0-1024, got -1", "admin.port: must be 1-65535, got 0"])
    }

    @Test func environmentNamesFollowTheDocumentedEncoding() {
        #expect(Settings.environmentName(for: "server.http.port") == "STACKBRIDGE_SERVER_HTTP_PORT")
        #expect(Settings.environmentName(for: "server.limits.maxBodyBytes") == "STACKBRIDGE_SERVER_LIMITS_MAX_BODY_BYTES")
        #expect(Settings.environmentName(for: "server.publicURL") == "STACKBRIDGE_SERVER_PUBLIC_URL")
        #expect(Settings.environmentName(for: "gce.redirectURIs") == "STACKBRIDGE_GCE_REDIRECT_URIS")
        #expect(Settings.environmentName(for: "cloudstack.signatureVersion3") == "STACKBRIDGE_CLOUDSTACK_SIGNATURE_VERSION3")
    }

    /// Every key can be overridden through the variable `environmentName(for:)` names: the value
    /// either changes the settings or is rejected with a problem naming that key (or a problem it causes).
    @Test func everyKeyHasAWorkingEnvironmentOverride() throws {
        let keys = try Settings.keysRead(configFile: nil, environment: [:])
        for key in keys {
            let environment = [Settings.environmentName(for: key): "override-value"]
            do {
                let settings = try Settings.load(configFile: nil, environment: environment)
                #expect(settings != Settings(), "\(key) was not overridden")
            } catch {
                #expect(error.problems.contains { $0.key == key || $0.message.contains(key) }, "\(key): \(error)")
            }
        }
    }
}
