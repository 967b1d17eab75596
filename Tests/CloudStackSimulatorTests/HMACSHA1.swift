import Crypto

/// HMAC-SHA1 + base64 for the test signer (OpenSSL through Crypto; the string building is the test's own).
enum HMACSHA1 {
    static func base64(key: [UInt8], message: [UInt8]) -> String {
        Base64.encode(HMAC.authenticate(.sha1, key: key, message: message))
    }
}
