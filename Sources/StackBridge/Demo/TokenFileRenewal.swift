import Logging

/// Keeps the demo's access-token file current: after each pause, a fresh token replaces the file (atomically,
/// so gcloud never reads half a token). Ends when the pause throws (the task was cancelled).
struct TokenFileRenewal: Sendable {
    let folder: DemoFolder
    let fileName: String
    /// Seconds between renewals (half the token lifetime, so the file never holds an expired token).
    let seconds: Int
    /// A fresh access token.
    let issue: @Sendable () async throws -> String
    /// Waits `seconds`; throws when the renewal should end. `Task.sleep` outside tests.
    var pause: @Sendable (Int) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }
    var logger = Logger(label: "demo")

    /// Renews until `pause` throws; a failed renewal is logged and retried after the next pause.
    func run() async {
        while true {
            do {
                try await pause(seconds)
            } catch {
                return
            }
            do {
                try folder.write(fileName, try await issue())
            } catch {
                logger.warning("could not renew the demo access token", metadata: ["error": "\(error)"])
            }
        }
    }
}
