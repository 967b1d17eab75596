import CloudStack
import Pipeline

/// Everything one method invocation needs: who calls, what was asked, and how to reach CloudStack.
struct MethodCall: Sendable {
    /// The CloudStack client.
    let client: CloudStackClient
    /// The caller's own CloudStack key pair, from the bearer token.
    let credentials: CloudStackCredentials
    /// Path parameters (`project`, `zone`, `instance`, ...), percent-decoded.
    let path: [String: String]
    /// Query parameters.
    let query: FormFields
    /// The request body (JSON for inserts and set* methods).
    let body: [UInt8]
    /// Links under the public base URL for this project.
    let links: Links
    /// The configuration.
    let configuration: GCEConfiguration
    /// Epoch seconds.
    let clock: Clock
    /// Recently listed zones, shared by the pipeline's calls.
    let zoneCache: ZoneCache

    /// The project named in the path.
    var project: String { path["project"] ?? "" }

    /// A required path parameter.
    func parameter(_ name: String) throws(GCEError) -> String {
        guard let value = path[name], !value.isEmpty else { throw .required(name) }
        return value
    }

    /// Sends one command as the caller.
    func call<C: CloudStackCommand>(_ command: C, _ parameters: Parameters = Parameters()) async throws(GCEError) -> C.Result {
        do {
            return try await client.call(command, parameters, as: credentials)
        } catch {
            throw GCEError(error)
        }
    }

    /// Every row of a list command as the caller.
    func listAll<Item>(_ command: ListCommand<Item>, _ parameters: Parameters = Parameters()) async throws(GCEError) -> [Item] {
        do {
            return try await client.listAll(command, parameters, as: credentials)
        } catch {
            throw GCEError(error)
        }
    }
}
