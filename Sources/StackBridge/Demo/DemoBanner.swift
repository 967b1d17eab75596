/// The settings `stackbridge demo` prints: every indented line is one bash line that works when pasted (after
/// the `export` lines above it in its block); the other lines say what the block is for.
struct DemoBanner {
    /// The bridge's public URL (no trailing slash).
    var url: String
    var simulatorPort: Int
    /// The demo folder and whether it goes away with the demo.
    var folder: String
    var folderIsTemporary: Bool
    /// The demo user the printed settings act as (CloudStack account, user name and key pair).
    var account: String
    var username: String
    var apiKey: String
    var secretKey: String
    /// The simulator's root admin key pair.
    var admin: (apiKey: String, secretKey: String)?
    var region: String
    /// The GCE project and the zone holding the user's instances.
    var project: String
    var zone: String
    /// The service-account key file and the access-token file, in `folder`.
    var keyFile: String
    var tokenFile: String
    var tokenLifetimeSeconds: Int
    var renewalSeconds: Int
    /// The throw-away CA (with `--https`).
    var caFile: String?
    /// This executable, for the `token` line.
    var binary: String

    /// The API endpoint google-api-python-client and gcloud take (`api_endpoint`, `api_endpoint_overrides/compute`).
    var computeEndpoint: String { url + "/compute/v1/" }

    /// The banner, lines joined with newlines.
    var text: String {
        let q = Quoting.shell
        let p = Quoting.python
        var lines = [
            "",
            "StackBridge demo is running at \(url) (CloudStack simulator on 127.0.0.1:\(simulatorPort))",
            folderIsTemporary ? "Client files (removed when the demo stops): \(folder)" : "Client files: \(folder)",
        ]
        if let caFile {
            lines.append("HTTPS certificate from a throw-away CA (its key was never written down): \(caFile)")
        }
        lines += [
            "",
            "EC2 (awscli / boto3), as CloudStack user \(account)/\(username):",
            "  export AWS_ACCESS_KEY_ID=\(q(apiKey))",
            "  export AWS_SECRET_ACCESS_KEY=\(q(secretKey))",
            "  export AWS_DEFAULT_REGION=\(q(region))",
        ]
        if let caFile { lines.append("  export AWS_CA_BUNDLE=\(q(caFile))") }
        lines += [
            "  aws --endpoint-url \(q(url)) ec2 describe-instances",
            "  python3 -c "
                + q(
                    "import boto3; print([i[\"InstanceId\"] for r in boto3.client(\"ec2\", endpoint_url=\(p(url)))"
                        + ".describe_instances()[\"Reservations\"] for i in r[\"Instances\"]])"),
            "",
            "GCE (google-cloud-compute / google-api-python-client): project \(project), zone \(zone), API endpoint \(computeEndpoint)",
            "  export GOOGLE_APPLICATION_CREDENTIALS=\(q(keyFile))",
        ]
        if let caFile {
            // google-auth and google-cloud-compute use requests; google-api-python-client uses httplib2.
            lines += ["  export REQUESTS_CA_BUNDLE=\(q(caFile))", "  export HTTPLIB2_CA_CERTS=\(q(caFile))"]
        }
        lines += [
            "  python3 -c "
                + q(
                    "from google.cloud import compute_v1; print([i.name for i in compute_v1.InstancesClient("
                        + "client_options={\"api_endpoint\": \(p(url))}).list(project=\(p(project)), zone=\(p(zone)))])"),
            "  python3 -c "
                + q(
                    "from googleapiclient.discovery import build; print([i[\"name\"] for i in build(\"compute\", \"v1\", "
                        + "client_options={\"api_endpoint\": \(p(computeEndpoint))}).instances().list(project=\(p(project)), "
                        + "zone=\(p(zone))).execute().get(\"items\", [])])"),
            "",
            "GCE access token for scripts (also in \(tokenFile), valid \(tokenLifetimeSeconds) s, renewed every \(renewalSeconds) s):",
            "  STACKBRIDGE_SECRET_KEY=\(q(secretKey)) \(q(binary)) token --endpoint=\(q(url)) --api-key=\(q(apiKey))"
                + (caFile.map { " --ca-file=\(q($0))" } ?? ""),
            "",
            "gcloud (these settings last for this shell; `gcloud config set api_endpoint_overrides/compute` keeps them):",
            "  export CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE=\(q(computeEndpoint))",
        ]
        if let caFile { lines.append("  export CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE=\(q(caFile))") }
        lines += [
            "  gcloud compute instances list --project=\(q(project)) --zones=\(q(zone)) --access-token-file=\(q(tokenFile))",
            "",
        ]
        if let admin {
            lines += ["CloudStack admin key pair (simulator only): \(admin.apiKey) / \(admin.secretKey)", ""]
        }
        lines.append("Stop with Ctrl-C.")
        return lines.joined(separator: "\n")
    }
}
