import Crypto

/// `UserVmManagerImpl.validateUserData`: base64, at most 1 MB decoded (POST limit).
enum UserData {
    static let maxBytes = 1_048_576

    static func validate(_ value: String) throws {
        guard let decoded = Base64.decode(value) else {
            throw APIError.invalid("User data is not base64 encoded.")
        }
        guard decoded.count <= maxBytes else {
            throw APIError.invalid("User data is too long for an http POST request")
        }
    }
}
