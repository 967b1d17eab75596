/// Entry points for the libFuzzer harness (`Tests/Fuzz`, docs/reliability.md "Fuzzing"): each takes raw
/// bytes from outside and runs one parser over them. A thrown error is a correct answer; only a crash,
/// a hang or a leak is a finding.
package enum FuzzTargets {
    /// The Query protocol: query string and form body split at the first NUL byte, then decoded into a
    /// list action's input (dotted names, `Filter.N`, `Name.N` lists).
    package static func query(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let body = split < bytes.endIndex ? Array(bytes[(split + 1)...]) : nil
        guard let parameters = try? QueryParameters(rawQuery: bytes[..<split], formBody: body) else { return }
        _ = try? QueryDecoder().decode(DescribeInstances.Input.self, from: parameters)
    }

    /// SigV4 `Authorization` headers and the three AWS timestamp forms.
    package static func signatureHeaders(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? SigV4Credential.parse(authorization: text)
        _ = AWSTimestamp.parseHTTPDate(text)
        _ = AWSTimestamp.parseBasic(text)
        _ = AWSTimestamp.parseExtended(text)
    }

    /// `NextToken` values, opened with a fixed key.
    package static func pageToken(_ bytes: [UInt8]) {
        _ = try? PageTokenCodec(secret: Array(repeating: 1, count: 32)).decode(String(decoding: bytes, as: UTF8.self), scope: "fuzz")
    }
}
