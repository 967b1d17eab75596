import CloudStack
import Crypto
import EC2
import GCE
import Logging
import Pipeline

/// The two API pipelines and GCE's OAuth2 and discovery responders, plus the front end's refusals in each API's
/// own format.
struct APIs: Sendable {
    let ec2: any Responder
    let gce: any Responder
    let oauth: any Responder
    let discovery: any Responder
    /// GCE batch requests, each part run through `gce`.
    let batch: any Responder
    private let ec2Pipeline: EC2Pipeline
    private let gcePipeline: GCEPipeline
    /// Issues GCE access tokens (also for `stackbridge token`).
    let tokenIssuer: TokenIssuer

    /// Builds both pipelines from the settings; `admin` is the key pair used only to look up users' keys.
    init(settings: Settings, client: CloudStackClient, publicURL: String, admin: CloudStackCredentials?) throws {
        let tokenKey = try APIs.tokenKey(settings.gce)
        let registry = try APIs.registry(settings.ec2, client: client)
        // One catalog for both APIs: a caller's EC2 and GCE requests share its zone and disk-offering lookups.
        let catalog = Catalog(client: client, policy: CatalogPolicy(ttlSeconds: Int64(settings.cloudstack.catalogTTLSeconds)))
        ec2Pipeline = try EC2Pipeline(
            configuration: EC2Configuration(
                region: settings.ec2.region, endpointURL: publicURL, instanceTypes: settings.ec2.instanceTypes,
                volumeTypes: settings.ec2.volumeTypes,
                // Derived from the shared token key, so a NextToken from one instance is good on another.
                pageTokenSecret: HMAC.authenticate(.sha256, key: tokenKey, message: Array("stackbridge ec2 page tokens".utf8)),
                paths: [settings.server.ec2Path], vpcOffering: settings.ec2.vpcOffering,
                vpcTierOffering: settings.ec2.vpcTierOffering),
            client: client, credentials: try APIs.credentialChain(settings.ec2, client: client, admin: admin, registry: registry),
            registry: registry, catalog: catalog)
        var gceConfiguration = GCEConfiguration(
            publicBaseURL: publicURL, project: settings.gce.project.isEmpty ? nil : settings.gce.project, tokenKey: tokenKey,
            tokenLifetimeSeconds: settings.gce.tokenLifetimeSeconds, redirectURIs: settings.gce.redirectURIs,
            imageProjects: settings.gce.imageProjects.compactMap(ImageProjectRule.init(parsing:)))
        gceConfiguration.networks = NetworkDefaults(
            vpcOffering: settings.gce.networksVPCOffering, subnetworkOffering: settings.gce.networksSubnetworkOffering,
            cidr: settings.gce.networksCIDR, zone: settings.gce.networksZone)
        gcePipeline = try GCEPipeline(configuration: gceConfiguration, client: client, catalog: catalog)
        tokenIssuer = try TokenIssuer(configuration: gceConfiguration, client: client)
        ec2 = PhasedResponder(ec2Pipeline)
        gce = PhasedResponder(gcePipeline)
        oauth = gcePipeline.oauth
        discovery = gcePipeline.discovery
        batch = BatchResponder(
            compute: gce, maxParts: settings.gce.batchMaxParts, maxPartBytes: settings.gce.batchMaxPartBytes,
            maxTotalBytes: settings.gce.batchMaxTotalBytes)
    }

    /// A front-end refusal (400 bad framing, 413 body too large, 431 headers too large, 503
    /// overloaded) in the request's API format.
    func reject(_ request: Request, status: Int, router: Router, requestID: String = "") -> Response {
        switch APIs.api(refusing: request, router: router) {
        case .ec2: return ec2Pipeline.reject(request, status: status, requestID: requestID)
        // OAuth2 and discovery clients are Google clients too: they read Google's JSON errors.
        case .gce, .oauth, .discovery, .batch: return gcePipeline.reject(request, status: status, requestID: requestID)
        case .none: return Response.text(status, "\(status) \(APIs.reason(status))\n")
        }
    }

    /// The API whose format a refusal takes. A refused request may lack what routes it (a POST form
    /// the front end did not read), but EC2 paths serve nothing else, so they answer as EC2.
    static func api(refusing request: Request, router: Router) -> API {
        let api = router.api(for: request)
        if api == .none && router.ec2Paths.contains(String(request.path)) { return .ec2 }
        return api
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 413: "Payload Too Large"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Refused"
        }
    }

    /// The 32-byte token key from `gce.tokenKey` (base64), or a random one for this process.
    static func tokenKey(_ settings: GCESettings) throws -> [UInt8] {
        let text = settings.tokenKey.exposedValue
        if text.isEmpty { return SecureRandom.bytes(32) }
        guard let key = Base64.decode(text), key.count == 32 else {
            throw StartupError("gce.tokenKey: must be the base64 of exactly 32 bytes")
        }
        return key
    }

    /// The EC2 credential sources in the configured order.
    static func credentialChain(
        _ settings: EC2Settings, client: CloudStackClient, admin: CloudStackCredentials?, registry: RegistryCredentialSource?
    ) throws -> CredentialChain {
        var sources: [any CredentialSource] = []
        for source in settings.credentialSources {
            switch source {
            case .cloudstack:
                guard let admin else {
                    throw StartupError("ec2.credentialSources: \"cloudstack\" needs cloudstack.adminApiKey and cloudstack.adminSecretKey")
                }
                sources.append(
                    CloudStackCredentialSource(
                        client: client, adminCredentials: admin, ttl: Int64(settings.credentialCacheSeconds)))
            case .static:
                guard !settings.staticCredentialsFile.isEmpty else { continue }
                do {
                    sources.append(try StaticCredentialSource(contentsOf: settings.staticCredentialsFile))
                } catch {
                    throw StartupError("ec2.staticCredentialsFile: \(error)")
                }
            }
        }
        if let registry { sources.append(registry) }
        return CredentialChain(sources)
    }

    /// The encrypted SQLite registry, when `ec2.registry.path` is set.
    static func registry(_ settings: EC2Settings, client: CloudStackClient) throws -> RegistryCredentialSource? {
        guard !settings.registry.path.isEmpty else { return nil }
        guard let key = Base64.decode(settings.registry.masterKey.exposedValue), key.count == 32 else {
            throw StartupError("ec2.registry.masterKey: must be the base64 of exactly 32 bytes")
        }
        do {
            return try RegistryCredentialSource(path: settings.registry.path, masterKey: key, client: client)
        } catch {
            throw StartupError("ec2.registry.path: \(error)")
        }
    }
}
