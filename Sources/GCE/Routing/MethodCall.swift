import CloudStack
import Pipeline

/// What a method's `call` runs with: who calls, how to reach CloudStack, and the links and catalog of its project.
struct MethodCall: Sendable {
    /// The CloudStack client.
    let client: CloudStackClient
    /// The caller's own CloudStack key pair, from the bearer token.
    let credentials: CloudStackCredentials
    /// The project named in the path (checked against the caller in `decode`).
    let project: String
    /// Links under the public base URL for this project.
    let links: Links
    /// The configuration.
    let configuration: GCEConfiguration
    /// Epoch seconds.
    let clock: Clock
    /// Zones and disk offerings per caller, shared with the EC2 API.
    let catalog: Catalog

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
