import Testing

@testable import StackBridge

/// One invalid configuration and the exact problem it must produce.
struct InvalidCase: CustomTestStringConvertible, Sendable {
    var yaml: String?
    var environment: [String: String] = [:]
    var expected: String
    /// Problems that follow from the same input, after `expected`.
    var more: [String] = []

    var testDescription: String { expected }
}

@Suite struct ConfigurationValidationTests {
    static let cases: [InvalidCase] = [
        InvalidCase(yaml: "server:\n  https:\n    port: 70000\n", expected: "server.https.port: must be 1-65535, got 70000"),
        InvalidCase(yaml: "server:\n  http:\n    port: eighty\n", expected: "server.http.port: expected an integer, got \"eighty\""),
        InvalidCase(
            environment: ["STACKBRIDGE_SERVER_HTTP_ENABLED": "maybe"],
            expected: "server.http.enabled: expected true or false, got \"maybe\""),
        InvalidCase(
            yaml: "server:\n  https:\n    enabled: true\n    certificate: /x.pem\n    privateKey: /x.key\n",
            expected: "server.https.certificate: file not found: /x.pem", more: ["server.https.privateKey: file not found: /x.key"]),
        InvalidCase(
            yaml: "server:\n  https:\n    enabled: true\n", expected: "server.https.certificate: required",
            more: ["server.https.privateKey: required"]),
        InvalidCase(
            yaml: "server:\n  https:\n    sni: [\"api.example.com\"]\n",
            expected: "server.https.sni: expected hostname=certificate:privateKey, got \"api.example.com\""),
        InvalidCase(
            yaml: "server:\n  ec2Path: services\n",
            expected: "server.ec2Path: must be a path starting with / and without a query, got \"services\""),
        InvalidCase(yaml: "server:\n  publicURL: ftp://x\n", expected: "server.publicURL: must be an http(s) URL, got \"ftp://x\""),
        InvalidCase(
            yaml: "server:\n  limits:\n    maxHeaderBytes: 10\n", expected: "server.limits.maxHeaderBytes: must be 1024-1048576, got 10"),
        InvalidCase(yaml: "server:\n  http:\n    port: [1, 2]\n", expected: "server.http.port: expected a single value, got a list"),
        InvalidCase(yaml: "admin:\n  port: 8080\n", expected: "admin.port: must differ from the client port server.http.port (8080)"),
        InvalidCase(
            yaml: "server:\n  http:\n    enabled: false\n",
            expected: "server.http.enabled: at least one of server.http and server.https must be enabled"),
        InvalidCase(yaml: "log:\n  format: xml\n", expected: "log.format: must be one of logfmt, json, got \"xml\""),
        InvalidCase(
            environment: ["STACKBRIDGE_LOG_LEVEL": "loud"],
            expected: "log.level: must be one of trace, debug, info, notice, warning, error, critical, got \"loud\""),
        InvalidCase(
            yaml: "cloudstack:\n  endpoint: cloud.example.com\n",
            expected: "cloudstack.endpoint: must be an http(s) URL or \"simulator\", got \"cloud.example.com\"",
            more: [
                "cloudstack.adminApiKey: required when cloudstack.endpoint is a URL",
                "cloudstack.adminSecretKey: required when cloudstack.endpoint is a URL",
            ]),
        InvalidCase(
            yaml: "cloudstack:\n  endpoint: http://127.0.0.1:8080/client/api\n  adminApiKey: k\n",
            expected: "cloudstack.adminSecretKey: required when cloudstack.endpoint is a URL"),
        InvalidCase(
            yaml: "cloudstack:\n  pool:\n    idleTimeoutSeconds: 30\n", expected: "cloudstack.pool.idleTimeoutSeconds: must be 1-29, got 30"
        ),
        InvalidCase(yaml: "cloudstack:\n  caFile: /missing/ca.pem\n", expected: "cloudstack.caFile: file not found: /missing/ca.pem"),
        InvalidCase(
            yaml: "cloudstack:\n  clientKey: /missing/key.pem\n", expected: "cloudstack.clientCertificate: required",
            more: ["cloudstack.clientKey: file not found: /missing/key.pem"]),
        InvalidCase(
            yaml: "cloudstack:\n  jobs:\n    pollInitialMilliseconds: 500\n    pollMaxMilliseconds: 100\n",
            expected: "cloudstack.jobs.pollMaxMilliseconds: must be at least cloudstack.jobs.pollInitialMilliseconds (500), got 100"),
        InvalidCase(
            yaml: "cloudstack:\n  retries:\n    budgetPercent: 101\n", expected: "cloudstack.retries.budgetPercent: must be 0-100, got 101"),
        InvalidCase(
            yaml: "ec2:\n  credentialSources: [ldap]\n",
            expected: "ec2.credentialSources: unknown source \"ldap\" (known: cloudstack, static)"),
        InvalidCase(
            environment: ["STACKBRIDGE_EC2_CREDENTIAL_SOURCES": ""], expected: "ec2.credentialSources: must list at least one source"),
        InvalidCase(
            yaml: "ec2:\n  registry:\n    path: /var/lib/stackbridge/registry\n",
            expected: "ec2.registry.masterKey: required when ec2.registry.path is set"),
        InvalidCase(
            yaml: "ec2:\n  instanceTypes: [\"t2.micro\"]\n", expected: "ec2.instanceTypes: expected type=offering, got \"t2.micro\""),
        InvalidCase(
            yaml: "ec2:\n  volumeTypes: [\"ssd=Fast\"]\n",
            expected: "ec2.volumeTypes: \"ssd\" is not an EC2 volume type (gp2, gp3, standard, io1, io2, st1, sc1)"),
        InvalidCase(yaml: "ec2:\n  volumeTypes: [\"gp3\"]\n", expected: "ec2.volumeTypes: expected type=offering, got \"gp3\""),
        InvalidCase(yaml: "ec2:\n  vpcOffering: \"\"\n", expected: "ec2.vpcOffering: must name a CloudStack VPC offering"),
        InvalidCase(
            yaml: "ec2:\n  vpcTierOffering: \"\"\n", expected: "ec2.vpcTierOffering: must name a CloudStack network offering for VPC tiers"),
        InvalidCase(
            yaml: "ec2:\n  staticCredentialsFile: /missing/creds\n", expected: "ec2.staticCredentialsFile: file not found: /missing/creds"),
        InvalidCase(environment: ["STACKBRIDGE_GCE_TOKEN_KEY": "c2hvcnQ="], expected: "gce.tokenKey: must be base64 of exactly 32 bytes"),
        InvalidCase(
            yaml: "gce:\n  redirectURIs: [\"javascript:alert(1)\"]\n",
            expected: "gce.redirectURIs: must be http(s) URLs or urn:ietf:wg:oauth:2.0:oob, got \"javascript:alert(1)\""),
        InvalidCase(yaml: "gce:\n  tokenLifetimeSeconds: 5\n", expected: "gce.tokenLifetimeSeconds: must be 60-86400, got 5"),
        InvalidCase(yaml: "simulator:\n  seed: \"\"\n", expected: "simulator.seed: must not be empty"),
    ]

    @Test(arguments: cases)
    func eachProblemNamesItsKey(_ invalid: InvalidCase) throws {
        let problems = try loadProblems(yaml: invalid.yaml, environment: invalid.environment)
        #expect(problems == [invalid.expected] + invalid.more)
    }

    @Test func malformedSecretIsNotEchoed() throws {
        let problems = try loadProblems(environment: ["STACKBRIDGE_EC2_REGISTRY_MASTER_KEY": "hunter2-hunter2"])
        #expect(problems == ["ec2.registry.masterKey: must be base64 of exactly 32 bytes"])
        #expect(!problems.joined().contains("hunter2"))
    }
}
