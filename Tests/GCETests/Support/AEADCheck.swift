import Crypto

/// Calls into `Crypto.AEAD` for the tests (a thin wrapper so test names stay readable).
enum AEADCheck {
    static func seal(_ plain: [UInt8], key: [UInt8], nonce: [UInt8]? = nil, aad: [UInt8]) throws -> [UInt8] {
        if let nonce { return try AEAD.seal(plain, key: key, nonce: nonce, associatedData: aad) }
        return try AEAD.seal(plain, key: key, associatedData: aad)
    }

    static func open(_ box: [UInt8], key: [UInt8], aad: [UInt8]) -> [UInt8]? {
        AEAD.open(box, key: key, associatedData: aad)
    }
}
