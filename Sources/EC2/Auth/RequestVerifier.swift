import CloudStack
import Crypto
public import Pipeline

/// Verifies an EC2 request's signature (SigV4 header, SigV4 presigned query, SigV2) and returns
/// who signed it.
///
/// Checks run cheapest first and never reveal more than the error code needs: signature parts,
/// then scope (region, service), then time, then the credential lookup, then the HMAC, compared
/// in constant time.
public struct RequestVerifier: Sendable {
    /// The region clients must sign for (the credential scope's second element).
    public let region: String
    /// The service name clients sign for; `ec2`.
    public let service: String
    /// Allowed clock difference in seconds; AWS allows 15 minutes.
    public let maxSkew: Int64
    let credentials: any CredentialSource
    let clock: Clock
    /// Derived SigV4 signing keys, shared by copies of this verifier.
    let signingKeys = SigningKeyCache()

    /// Creates a verifier for `region`.
    public init(
        region: String, credentials: any CredentialSource, clock: Clock = .system, maxSkew: Int64 = 900,
        service: String = "ec2"
    ) {
        self.region = region
        self.service = service
        self.maxSkew = maxSkew
        self.credentials = credentials
        self.clock = clock
    }

    /// Verifies `request`, whose decoded parameters are `parameters`; throws `EC2Error` on failure.
    public func verify(_ request: Request, parameters: QueryParameters) async throws -> AuthenticatedPrincipal {
        let authorization = request.headers["authorization"]
        let presigned = parameters.queryFields.contains { $0.name == "X-Amz-Algorithm" }
        if let authorization {
            if presigned {
                throw EC2Error.incompleteSignature(
                    "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified"
                )
            }
            return try await verifyV4Header(request, authorization: authorization, parameters: parameters)
        }
        if presigned {
            return try await verifyV4Query(request, parameters: parameters)
        }
        if parameters.contains("Signature") || parameters.contains("SignatureVersion") || parameters.contains("AWSAccessKeyId") {
            return try await verifyV2(request, parameters: parameters)
        }
        throw EC2Error.missingAuthenticationToken()
    }

    /// The key pair for `accessKeyID`, or `AuthFailure`; a failing source is `Unavailable`.
    func keyPair(_ accessKeyID: String) async throws -> CloudStackCredentials {
        let pair: CloudStackCredentials?
        do {
            pair = try await credentials.credentials(forAccessKeyID: accessKeyID)
        } catch let error as EC2Error {
            throw error
        } catch {
            throw EC2Error.unavailable("The credentials could not be looked up right now. Please try again shortly.")
        }
        // The same AuthFailure for an unknown key and, later, a wrong signature's SignatureDoesNotMatch
        // differ only as EC2 itself differs; the message never echoes the key.
        guard let pair else { throw EC2Error.authFailure() }
        return pair
    }

    /// Whether `provided` equals `expected` (both ASCII), in time independent of where they differ.
    static func matches(_ provided: String, _ expected: String) -> Bool {
        ConstantTime.equals(provided.lowercased(), expected)
    }
}
