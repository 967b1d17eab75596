public import CloudStack
public import Pipeline

/// Everything an action may use: the caller's CloudStack keys, the client, configuration and caches.
///
/// CloudStack calls made through these methods turn every `CloudStackError` into one `EC2Error`
/// by error code and the action's context (`CloudStackErrorMapping`), never by message text.
public struct ActionContext: Sendable {
    /// The CloudStack client.
    public let client: CloudStackClient
    /// The caller's key pair as CloudStack credentials (empty for unsigned actions).
    public let credentials: CloudStackCredentials
    /// The deployment's EC2 settings.
    public let configuration: EC2Configuration
    /// Wall-clock time.
    public let clock: Clock
    /// The request id.
    public let requestID: String
    /// Issues and checks `NextToken`s.
    public let pageTokens: PageTokenCodec
    /// Client tokens and recently terminated instances.
    public let memory: GatewayMemory
    /// Zones and disk offerings per caller, shared with the GCE API.
    public let catalog: Catalog
    /// The key registry, when one is configured (RegisterSecretKey, RemoveSecretKey).
    public let registry: RegistryCredentialSource?

    /// Every row of a list command, paged through completely.
    public func list<Item>(
        _ command: ListCommand<Item>, _ parameters: Parameters = Parameters(), limit: Int? = nil, context: ErrorContext = .none
    ) async throws(EC2Error) -> [Item] {
        do {
            return try await client.listAll(command, parameters, limit: limit, as: credentials)
        } catch {
            throw CloudStackErrorMapping.ec2Error(error, context: context)
        }
    }

    /// One synchronous command.
    public func call<C: CloudStackCommand>(
        _ command: C, _ parameters: Parameters = Parameters(), context: ErrorContext = .none
    ) async throws(EC2Error) -> C.Result {
        do {
            return try await client.call(command, parameters, as: credentials)
        } catch {
            throw CloudStackErrorMapping.ec2Error(error, context: context)
        }
    }

    /// Submits an async command and returns its receipt without waiting for the job.
    public func submit<Output>(
        _ command: AsyncCommand<Output>, _ parameters: Parameters = Parameters(), context: ErrorContext = .none
    ) async throws(EC2Error) -> AsyncJobReceipt {
        do {
            return try await client.call(command, parameters, as: credentials)
        } catch {
            throw CloudStackErrorMapping.ec2Error(error, context: context)
        }
    }

    /// Submits an async command and waits for its result.
    public func run<Output>(
        _ command: AsyncCommand<Output>, _ parameters: Parameters = Parameters(), context: ErrorContext = .none
    ) async throws(EC2Error) -> Output {
        do {
            return try await client.run(command, parameters, as: credentials)
        } catch {
            throw CloudStackErrorMapping.ec2Error(error, context: context)
        }
    }

    /// The caller's access key id (empty for unsigned actions).
    public var accessKeyID: String { credentials.apiKey }
}
