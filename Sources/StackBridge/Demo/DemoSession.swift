import CloudStack
import CloudStackSimulator
import GCE
import Glibc
import Logging
import Synchronization

/// The client side of a running `stackbridge demo`: writes the demo user's service-account key file and an
/// access-token file (renewed at half its lifetime while the demo runs) into the demo folder, finds the GCE
/// project and zone holding the user's instances, and builds the banner from them.
final class DemoSession: Sendable {
    /// The Google-style service-account key file (`GOOGLE_APPLICATION_CREDENTIALS`).
    static let keyFileName = "service-account.json"
    /// The current access token, for gcloud's `--access-token-file` (no trailing newline).
    static let tokenFileName = "access-token"

    let folder: DemoFolder
    /// The throw-away CA certificate the HTTPS listener's certificate chains to, when `--https` made one.
    let caFile: String?
    private let renewal = Mutex<Task<Void, Never>?>(nil)

    /// A session writing into `folder`.
    init(folder: DemoFolder, caFile: String?) {
        self.folder = folder
        self.caFile = caFile
    }

    /// Writes the files, starts renewing the token and returns the banner; throws when the simulator has no
    /// user or a file cannot be written.
    func start(_ runtime: Runtime) async throws -> String {
        let keys = runtime.simulator?.credentials ?? []
        guard let user = keys.first(where: { !$0.isAdmin }) else { throw DemoFolder.Failure(description: "the simulator has no user") }
        let issuer = runtime.apis.tokenIssuer
        let keyFile = try folder.write(
            Self.keyFileName, try await issuer.serviceAccountKey(apiKey: user.apiKey, secretKey: user.secretKey) + "\n")
        let tokenFile = try folder.write(Self.tokenFileName, try await issuer.issueToken(apiKey: user.apiKey, secretKey: user.secretKey))
        let lifetime = runtime.settings.gce.tokenLifetimeSeconds
        let every = max(30, lifetime / 2)
        renew(every: every, user: user, issuer: issuer, logger: runtime.logger)

        let gce = runtime.settings.gce
        let banner = DemoBanner(
            url: runtime.publicURL, simulatorPort: runtime.simulatorServer?.boundPorts.first ?? 0, folder: folder.path,
            folderIsTemporary: folder.isTemporary, account: user.account, username: user.username, apiKey: user.apiKey,
            secretKey: user.secretKey, admin: keys.first(where: \.isAdmin).map { ($0.apiKey, $0.secretKey) },
            region: runtime.settings.ec2.region, project: gce.project.isEmpty ? ResourceNames.gceName(for: user.account) : gce.project,
            zone: try await Self.zone(of: user, client: runtime.client), keyFile: keyFile, tokenFile: tokenFile,
            tokenLifetimeSeconds: lifetime, renewalSeconds: every, caFile: caFile, binary: Self.executablePath())
        return banner.text
    }

    /// Stops renewing the token and removes what the demo wrote when the folder is its own.
    func stop() {
        renewal.withLock { $0?.cancel() }
        folder.clean([Self.keyFileName, Self.tokenFileName] + (caFile == nil ? [] : DemoTLS.fileNames))
    }

    private func renew(every seconds: Int, user: SimulatorAccountKeys, issuer: TokenIssuer, logger: Logger) {
        let renewal = TokenFileRenewal(
            folder: folder, fileName: Self.tokenFileName, seconds: seconds,
            issue: { try await issuer.issueToken(apiKey: user.apiKey, secretKey: user.secretKey) }, logger: logger)
        let task = Task { await renewal.run() }
        self.renewal.withLock { $0 = task }
    }

    /// The GCE name of the zone of the user's first instance (named as the bridge names zones: the whole cloud
    /// is one scope), else of the first zone.
    static func zone(of user: SimulatorAccountKeys, client: CloudStackClient) async throws -> String {
        let credentials = CloudStackCredentials(apiKey: user.apiKey, secretKey: user.secretKey)
        let zones = try await client.listAll(CommandTable.listZones, as: credentials)
        let machines = try await client.listAll(CommandTable.listVirtualMachines, as: credentials)
        let names = ResourceNames.assign(zones.map { (id: $0.id ?? "", name: $0.name ?? "") })
        let wanted = machines.first?.zoneid
        guard let index = zones.firstIndex(where: { $0.id == wanted }) ?? (zones.isEmpty ? nil : 0) else { return "" }
        return names[index]
    }

    /// This executable's absolute path, for the `stackbridge token` line (`make run` does not put it on PATH).
    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return CommandLine.arguments.first ?? "stackbridge" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
