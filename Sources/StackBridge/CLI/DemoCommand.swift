import ArgumentParser
import CloudStackSimulator

/// `stackbridge demo`: the gateway in front of an in-process simulator seeded with a small demo cloud.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run StackBridge against a built-in CloudStack simulator with a small demo cloud.",
        discussion: "Prints ready-to-paste settings for awscli, boto3 and the Google clients. The demo keys are "
            + "derived from simulator.seed and are for demonstration only.")

    @Option(name: .long, help: ArgumentHelp("YAML configuration file (cloudstack.endpoint is forced to the simulator).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Async job duration in milliseconds (how long clients poll).")
    var jobMilliseconds: Int?

    func run() async throws {
        var settings = try Launcher.loadSettings(configFile: config)
        settings.cloudstack.endpoint = CloudStackSettings.simulatorEndpoint
        if let jobMilliseconds { settings.simulator.jobDurationMilliseconds = max(0, jobMilliseconds) }
        let simulator = Runtime.simulatorConfiguration(settings.simulator)
        try await Launcher.run(settings: settings, simulator: simulator) { runtime in
            DemoBanner.text(runtime)
        }
    }
}

/// The settings `stackbridge demo` prints for clients.
enum DemoBanner {
    static func text(_ runtime: Runtime) -> String {
        let keys = runtime.simulator?.credentials ?? []
        let user = keys.first { !$0.isAdmin }
        let admin = keys.first { $0.isAdmin }
        let region = runtime.settings.ec2.region
        let url = runtime.publicURL
        var lines = [
            "",
            "StackBridge demo is running at \(url) (CloudStack simulator on 127.0.0.1:\(runtime.simulatorServer?.boundPorts.first ?? 0))",
            "",
        ]
        if let user {
            lines += [
                "EC2 (awscli / boto3), as CloudStack user \(user.account)/\(user.username):",
                "  export AWS_ACCESS_KEY_ID=\(user.apiKey)",
                "  export AWS_SECRET_ACCESS_KEY=\(user.secretKey)",
                "  export AWS_DEFAULT_REGION=\(region)",
                "  aws --endpoint-url \(url) ec2 describe-instances",
                "  python3 -c \"import boto3; print(boto3.client('ec2', endpoint_url='\(url)').describe_availability_zones())\"",
                "",
                "GCE (google-api-python-client), OAuth client id/secret = the same key pair:",
                "  token endpoint \(url)/oauth2/token, API endpoint \(url)/compute/v1/",
                "",
            ]
        }
        if let admin {
            lines += ["CloudStack admin key pair (simulator only): \(admin.apiKey) / \(admin.secretKey)", ""]
        }
        lines.append("Stop with Ctrl-C.")
        return lines.joined(separator: "\n")
    }
}
