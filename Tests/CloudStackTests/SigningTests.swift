import CloudStack
import Foundation
import TestSupport
import Testing

private let secret = "TESTSECRET-not-a-real-key_0123456789"

@Test func referenceVectorOne() {
    let pairs = [("command", "listZones"), ("apiKey", "TESTAPIKEY-abc_DEF"), ("response", "json")]
    #expect(RequestSigner.stringToSign(pairs) == "apikey=testapikey-abc_def&command=listzones&response=json")
    #expect(RequestSigner.sign(pairs, secretKey: secret) == "3ID3jYMJVNtxBIcnU2gbfbil1jY=")
}

@Test func referenceVectorTwo() {
    let pairs = [
        ("command", "listVirtualMachines"), ("apiKey", "TESTAPIKEY-abc_DEF"), ("response", "json"),
        ("name", "web server*1 ~x/y"), ("signatureVersion", "3"), ("expires", "2030-01-01T00:00:00+0000"),
    ]
    #expect(
        RequestSigner.stringToSign(pairs)
            == "apikey=testapikey-abc_def&command=listvirtualmachines&expires=2030-01-01t00%3a00%3a00%2b0000&name=web%20server*1%20%7ex%2fy&response=json&signatureversion=3"
    )
    #expect(RequestSigner.sign(pairs, secretKey: secret) == "ELx+Y28NyWSXh0U0bND5pAm9G88=")
}

@Test func sortsCaseSensitivelyBeforeLowerCasingAndSkipsSignature() {
    // Uppercase sorts first (UTF-16 order): `networkIds` < `networkid`, then everything is lower-cased.
    let pairs = [("networkid", "b"), ("networkIds", "a"), ("Signature", "ignored")]
    #expect(RequestSigner.stringToSign(pairs) == "networkids=a&networkid=b")
}

@Test func expiresFormat() {
    #expect(RequestSigner.expiresTimestamp(epochSeconds: 1_893_456_000) == "2030-01-01T00:00:00+0000")
    #expect(RequestSigner.expiresTimestamp(epochSeconds: 0) == "1970-01-01T00:00:00+0000")
    #expect(RequestSigner.expiresTimestamp(epochSeconds: 951_827_696) == "2000-02-29T12:34:56+0000")
}

// MARK: Independent implementations, run at test time

/// Java `URLEncoder.encode(v, "UTF-8").replaceAll("\\+", "%20")`, written with Foundation's percent encoder.
private func javaEncode(_ value: String) -> String {
    var allowed = CharacterSet()
    allowed.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-*_")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
}

/// docs/cloudstack-reference.md §1.2 string-to-sign built independently of `RequestSigner`.
private func referenceStringToSign(_ pairs: [(String, String)]) -> String {
    pairs.sorted { Array($0.0.utf16).lexicographicallyPrecedes(Array($1.0.utf16)) }
        .map { "\($0.0)=\(javaEncode($0.1))" }.joined(separator: "&").lowercased()
}

private func run(_ executable: String, _ arguments: [String], stdin: Data) throws -> Data {
    let outcome = try Subprocess.run(executable, arguments, input: stdin)
    #expect(outcome.status == 0, "\(executable) failed: \(outcome.errors)")
    return outcome.stdout
}

/// `openssl dgst -sha1 -hmac` over the string-to-sign, base64 by Foundation.
private func opensslSignature(_ stringToSign: String) throws -> String {
    try run("openssl", ["dgst", "-sha1", "-hmac", secret, "-binary"], stdin: Data(stringToSign.utf8)).base64EncodedString()
}

/// The Python `cs` library's own `_sign`.
private func csLibrarySignature(_ pairs: [(String, String)]) throws -> String {
    let script = """
        import json, sys
        from cs.client import CloudStack
        data = json.loads(sys.stdin.read())
        CloudStack(endpoint="http://127.0.0.1/client/api", key="unused", secret=sys.argv[1])._sign(data)
        sys.stdout.write(data["signature"])
        """
    let json = try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: pairs))
    return String(decoding: try run("python3", ["-c", script, secret], stdin: json), as: UTF8.self)
}

private let base: [(String, String)] = [("command", "listVirtualMachines"), ("apiKey", "AbC-key_1"), ("response", "json")]

@Test(arguments: [
    [("name", "web server 1")],
    [("name", "a*b")],
    [("userdata", "aGVsbG8+/w==")],
    [("displaytext", "x=y&z/w")],
    [("name", "café 日本")],
    [("keyword", "")],
    [("tags[0].key", "Env"), ("tags[0].value", "Prod Stage"), ("tags[1].key", "k*")],
    [("ids", "a,b,c"), ("zoneid", "1e47a2fc-61c7-401c-b90e-416b472ada64")],
])
func signatureMatchesPythonCSAndOpenSSL(_ extra: [(String, String)]) throws {
    let pairs = base + extra
    let ours = RequestSigner.sign(pairs, secretKey: secret)
    #expect(RequestSigner.stringToSign(pairs) == referenceStringToSign(pairs))
    #expect(ours == (try opensslSignature(referenceStringToSign(pairs))))
    #expect(ours == (try csLibrarySignature(pairs)))
}

@Test func tildeFollowsTheServerNotTheCSLibrary() throws {
    // cs uses urllib's quote, which leaves `~` raw; the server's URLEncoder escapes it (docs/cloudstack-reference.md §1.3).
    let pairs = base + [("name", "~home ~x")]
    let ours = RequestSigner.sign(pairs, secretKey: secret)
    #expect(RequestSigner.stringToSign(pairs).contains("name=%7ehome%20%7ex"))
    #expect(ours == (try opensslSignature(referenceStringToSign(pairs))))
    #expect(ours != (try csLibrarySignature(pairs)))
}

@Test func nonASCIINamesSortByUTF16AsJavaDoes() {
    // U+1F600 is a surrogate pair (D83D DE00) and sorts before U+FF5E in UTF-16, after it in UTF-8.
    let pairs: [(name: String, value: String)] = [("\u{FF5E}", "a"), ("\u{1F600}", "b"), ("command", "c")]
    #expect(RequestSigner.stringToSign(pairs) == "command=c&\u{1F600}=b&\u{FF5E}=a")
}
